package dev.ferry.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: AEP answers every third request 429 with {@code Retry-After: 1}. Everything the collector
 * acknowledged arrives once, and the sandbox, which times every request against the Retry-After it last gave,
 * sees none sent too soon.
 */
class AepThrottlingIT {

    @TempDir
    Path work;

    @Test
    void underA429OnEveryThirdRequestEverythingArrivesOnceAndNoRequestComesBeforeItsRetryAfter() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().toBuilder()
                .initialFaults(FaultSettings.builder().rateLimitEvery(3).retryAfterSeconds(1).build()).build();
        try (AepSandbox sandbox = AepSandbox.start(settings)) {
            int httpPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, SandboxConfigFile.freePort());
            Collector collector = new Collector(httpPort);
            List<String> acknowledged = new ArrayList<>();

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", settings.clientSecret()), "run", "--config", config.toString())) {
                collector.awaitReady(ferry);
                // Small batches spread over a few seconds, so delivery makes many requests rather than one.
                for (int batch = 0; batch < 40; batch++) {
                    List<String> ids = List.of("throttled-" + batch + "-a", "throttled-" + batch + "-b");
                    assertThat(collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                    acknowledged.addAll(ids);
                    Thread.sleep(100);
                }
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(acknowledged)
                        .as(ferry.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                ferry.terminate(Duration.ofSeconds(40));
            }

            FaultTally tally = FaultTally.count("aep-429", acknowledged.size(), acknowledged, sandbox.events(), 0);
            assertThat(tally.lost()).isZero();
            assertThat(tally.duplicated()).isZero();
            assertThat(served429(sandbox)).as("the sandbox did throttle").isGreaterThanOrEqualTo(3);
            assertThat(sandbox.faults().requestsBeforeRetryAfter()).as("requests sent before their Retry-After")
                    .isZero();
        }
    }

    private static long served429(AepSandbox sandbox) throws Exception {
        HttpResponse<String> stats = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(stats.body()).at("/served/429").asLong();
    }
}

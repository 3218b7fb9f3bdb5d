package dev.ferry.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: IMS tokens that live three seconds, and every token revoked twice mid-run (AEP then answers 401
 * to the token Ferry holds). Ferry renews and retries: everything arrives, nothing becomes a dead letter.
 */
class ImsTokenLossIT {

    private static final String ADMIN_TOKEN = "admin-token-of-the-token-test";

    @TempDir
    Path work;

    @Test
    void expiringAndRevokedImsTokensMidRunLoseNothingAndDeadLetterNothing() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().toBuilder().tokenTtl(Duration.ofSeconds(3)).build();
        try (AepSandbox sandbox = AepSandbox.start(settings)) {
            int httpPort = SandboxConfigFile.freePort();
            int managementPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, managementPort);
            Files.writeString(config, "ferry.admin.token=" + ADMIN_TOKEN + "\n", StandardOpenOption.APPEND);
            Collector collector = new Collector(httpPort);
            List<String> acknowledged = new ArrayList<>();

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", settings.clientSecret()), "run", "--config", config.toString())) {
                collector.awaitReady(ferry);
                for (int batch = 0; batch < 40; batch++) {
                    if (batch == 15 || batch == 30) {
                        sandbox.revokeTokens();
                    }
                    List<String> ids = List.of("token-" + batch + "-a", "token-" + batch + "-b");
                    assertThat(collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                    acknowledged.addAll(ids);
                    Thread.sleep(250);
                }
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(acknowledged)
                        .as(ferry.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                long deadLetters = deadLetters(managementPort);

                FaultTally tally = FaultTally.count("ims-token-expired-and-revoked", acknowledged.size(), acknowledged,
                        sandbox.events(), deadLetters);
                assertThat(tally.lost()).isZero();
                assertThat(tally.duplicated()).isZero();
                assertThat(deadLetters).isZero();
                ferry.terminate(Duration.ofSeconds(40));
            }
        }
    }

    private static long deadLetters(int managementPort) throws Exception {
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/admin/dlq"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(listed.body()).get("count").asLong();
    }
}

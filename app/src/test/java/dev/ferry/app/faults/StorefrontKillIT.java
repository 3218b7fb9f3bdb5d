package dev.ferry.app.faults;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: {@code kill -9} of the real jar in the middle of a storefront burst, then a restart. Every event
 * the collector acknowledged (202) must reach the sandbox. A kill between AEP's answer and the outbox commit can send
 * the events of the one batch in flight again; they carry the same {@code _id}, which AEP de-duplicates on.
 */
class StorefrontKillIT {

    private static final int BATCH = 20;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedStorefrontEventReachesAepAfterKillMinusNineAndRestart() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int httpPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, SandboxConfigFile.freePort());
            Map<String, String> secret = Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            URI collector = URI.create("http://127.0.0.1:" + httpPort + "/v1/storefront/events");

            try (FerryProcess first = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                awaitCollector(collector, first);
                Thread burst = new Thread(() -> burst(collector, sending, sent, acknowledged));
                burst.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 400);
                first.kill();
                sending.set(false);
                burst.join();
            }
            int acknowledgedBeforeRestart = acknowledged.size();

            try (FerryProcess second = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(acknowledged)
                        .as(second.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                second.terminate(Duration.ofSeconds(40));
            }

            long lost = acknowledged.stream().filter(id -> sandbox.events().countById(id) == 0).count();
            long duplicated = acknowledged.stream().filter(id -> sandbox.events().countById(id) > 1).count();
            System.out.printf("fault kill-9 storefront: sent %d, acknowledged %d, delivered %d, duplicated %d, "
                            + "dead-lettered 0, lost %d%n", sent.get(), acknowledgedBeforeRestart,
                    acknowledged.size() - lost, duplicated, lost);
            assertThat(lost).isZero();
            assertThat(duplicated).as("only the batch in flight at the kill may be sent twice").isLessThanOrEqualTo(500);
        }
    }

    private void awaitCollector(URI collector, FerryProcess ferry) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(ferry.isAlive()).as(ferry.output()).isTrue();
            try {
                return post(collector, "[]").statusCode() == 202;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Posts batches of page views until stopped; records the ids of every batch answered 202. */
    private void burst(URI collector, AtomicBoolean sending, AtomicInteger sent, Set<String> acknowledged) {
        for (int batch = 0; sending.get(); batch++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                String id = "kill-" + batch + "-" + i;
                ids.add(id);
                body.append(i == 0 ? "" : ",").append("{\"event\":\"page-view\",\"eventInfo\":{\"pageContext\":")
                        .append("{\"pageType\":\"CMS\",\"pageName\":\"Home\"},\"debugContext\":{\"eventId\":\"")
                        .append(id).append("\"}}}");
            }
            sent.addAndGet(BATCH);
            try {
                HttpResponse<String> answer = post(collector, body.append("]").toString());
                if (answer.statusCode() == 202) {
                    assertThat(answer.body()).startsWith("{\"accepted\":" + BATCH + ",");
                    acknowledged.addAll(ids);
                }
            } catch (IOException | InterruptedException refused) {
                // Ferry is down: the batch was not acknowledged, so it is not owed.
            }
        }
    }

    private HttpResponse<String> post(URI collector, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(collector).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

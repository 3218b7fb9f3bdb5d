package dev.ferry.app.faults;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void everyAcknowledgedStorefrontEventReachesAepAfterKillMinusNineAndRestart() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int httpPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, SandboxConfigFile.freePort());
            Map<String, String> secret = Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
            Collector collector = new Collector(httpPort);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);

            try (FerryProcess first = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                collector.awaitReady(first);
                Thread burst = new Thread(() -> burst(collector, sending, sent, acknowledged));
                burst.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 400);
                first.kill();
                sending.set(false);
                burst.join();
            }

            try (FerryProcess second = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(acknowledged)
                        .as(second.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                second.terminate(Duration.ofSeconds(40));
            }

            FaultTally tally = FaultTally.count("kill-9 storefront", sent.get(), acknowledged, sandbox.events(), 0);
            assertThat(tally.lost()).isZero();
            assertThat(tally.duplicated()).as("only the batch in flight at the kill may be sent twice")
                    .isLessThanOrEqualTo(500);
        }
    }

    /** Posts batches of page views until stopped; records the ids of every batch answered 202. */
    private static void burst(Collector collector, AtomicBoolean sending, AtomicInteger sent, Set<String> acknowledged) {
        for (int batch = 0; sending.get(); batch++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                ids.add("kill-" + batch + "-" + i);
            }
            sent.addAndGet(BATCH);
            try {
                HttpResponse<String> answer = collector.post(Collector.pageViews(ids));
                if (answer.statusCode() == 202) {
                    assertThat(answer.body()).startsWith("{\"accepted\":" + BATCH + ",");
                    acknowledged.addAll(ids);
                }
            } catch (IOException | InterruptedException refused) {
                // Ferry is down: the batch was not acknowledged, so it is not owed.
            }
        }
    }
}

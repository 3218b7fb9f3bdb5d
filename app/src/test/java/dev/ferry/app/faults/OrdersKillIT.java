package dev.ferry.app.faults;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: {@code kill -9} of the real jar while the shop places orders, then a restart. Every order
 * committed after the poller started is owed its placed event; the watermark commits with the events, so the
 * restarted poller goes on where the outbox stands. Only the delivery in flight at the kill may be sent twice.
 */
class OrdersKillIT {

    @TempDir
    Path work;

    @Test
    void everyOrderCommittedDuringAKillMinusNineReachesAepAfterTheRestart() throws Exception {
        try (MariaDbServer mariaDb = MariaDbServer.machineOrEmbedded();
             FaultCommerce commerce = new FaultCommerce(mariaDb);
             AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), SandboxConfigFile.freePort());
            Files.writeString(config, commerce.configLines(), StandardOpenOption.APPEND);
            Map<String, String> secret = Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
            long before;
            OrderBurst burst;

            try (FerryProcess first = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                before = pollerIsRunning(commerce, sandbox, first);
                burst = OrderBurst.start(commerce);
                await().atMost(Duration.ofSeconds(60)).until(() -> burst.attempted() >= 60);
                first.kill();
            }
            Thread.sleep(1_000); // orders keep coming while Ferry is down
            burst.close();
            List<String> owed = commerce.placedEventIdsAfter(before);

            try (FerryProcess second = FerryProcess.start(work, secret, "run", "--config", config.toString())) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(owed)
                        .as(second.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                second.terminate(Duration.ofSeconds(40));
            }

            FaultTally tally = FaultTally.count("kill-9 orders", burst.attempted(), owed, sandbox.events(), 0);
            assertThat(tally.lost()).isZero();
            assertThat(tally.duplicated()).as("only the delivery in flight at the kill may be sent twice")
                    .isLessThanOrEqualTo(owed.size() / 2);
        }
    }

    /**
     * Places one order and waits for its event, which shows the poller has fixed its start point; returns that
     * order's entity_id, after which every order is owed.
     */
    static long pollerIsRunning(FaultCommerce commerce, AepSandbox sandbox, FerryProcess ferry) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            assertThat(ferry.isAlive()).as(ferry.output()).isTrue();
            String probe = commerce.placedEventId(commerce.placeOrder("probe@example.com"));
            return sandboxGets(sandbox, probe);
        });
        return commerce.entityIdOfNewest();
    }

    private static boolean sandboxGets(AepSandbox sandbox, String id) throws InterruptedException {
        for (int i = 0; i < 10 && sandbox.events().countById(id) == 0; i++) {
            Thread.sleep(200);
        }
        return sandbox.events().countById(id) > 0;
    }
}

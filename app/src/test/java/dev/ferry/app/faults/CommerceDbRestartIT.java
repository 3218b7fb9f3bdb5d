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
 * Fault injection: the Commerce database (an embedded MariaDB, so the test may stop it) goes away for a few seconds
 * under the running poller while the shop places orders, then comes back. The poller retries, its watermarks stay
 * put while it cannot read, and every order committed before, during and after arrives once.
 */
class CommerceDbRestartIT {

    @TempDir
    Path work;

    @TempDir
    Path mariaDbData;

    @Test
    void everyOrderArrivesOnceWhenTheCommerceDatabaseRestartsUnderThePoller() throws Exception {
        try (MariaDbServer mariaDb = MariaDbServer.embedded(mariaDbData);
             FaultCommerce commerce = new FaultCommerce(mariaDb);
             AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), SandboxConfigFile.freePort());
            Files.writeString(config, commerce.configLines(), StandardOpenOption.APPEND);

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                    "run", "--config", config.toString())) {
                long before = OrdersKillIT.pollerIsRunning(commerce, sandbox, ferry);
                OrderBurst burst = OrderBurst.start(commerce);
                await().atMost(Duration.ofSeconds(60)).until(() -> burst.attempted() >= 30);
                mariaDb.stop();
                Thread.sleep(5_000);
                mariaDb.restart();
                int attemptedAtRestart = burst.attempted();
                await().atMost(Duration.ofSeconds(60)).until(() -> burst.attempted() >= attemptedAtRestart + 30);
                burst.close();
                List<String> owed = commerce.placedEventIdsAfter(before);

                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(owed)
                        .as(ferry.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                assertThat(ferry.isAlive()).as("the poller outlived the outage").isTrue();
                ferry.terminate(Duration.ofSeconds(40));

                FaultTally tally = FaultTally.count("commerce-db-restart", burst.attempted(), owed, sandbox.events(), 0);
                assertThat(tally.lost()).isZero();
                assertThat(tally.duplicated()).isZero();
            }
        }
    }
}

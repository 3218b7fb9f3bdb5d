package dev.ferry.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TestDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the jar share a PostgreSQL state database: both collectors acknowledge events, but only the node
 * that leads drains the outbox, so AEP gets each event once; when the leader is killed, the other node takes the
 * deliveries over and every event either node acknowledged reaches AEP.
 */
class ClusterFailoverIT {

    private static final int BATCH = 3;

    @TempDir
    Path work;

    @Test
    void onlyTheLeaderDeliversAndTheOtherNodeTakesOverWhenItIsKilled() throws Exception {
        try (ScratchDatabase database = TestDatabase.POSTGRESQL.create();
             AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults());
             Node first = Node.start(work.resolve("first"), sandbox, database);
             Node second = Node.start(work.resolve("second"), sandbox, database)) {
            List<String> acknowledged = new ArrayList<>();
            for (int batch = 0; batch < 10; batch++) {
                Node node = batch % 2 == 0 ? first : second;
                List<String> ids = ids("both-" + batch);
                assertThat(node.collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                acknowledged.addAll(ids);
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(acknowledged)
                    .allMatch(id -> sandbox.events().countById(id) >= 1));
            assertThat(acknowledged).as("sent by one node only").allMatch(id -> sandbox.events().countById(id) == 1);
            assertThat(first.ferry.output()).contains("leads ferry");
            assertThat(second.ferry.output()).doesNotContain("leads ferry");

            first.ferry.kill();
            List<String> afterKill = new ArrayList<>();
            for (int batch = 0; batch < 5; batch++) {
                List<String> ids = ids("survivor-" + batch);
                assertThat(second.collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                afterKill.addAll(ids);
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(afterKill)
                    .as(second.ferry.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
            assertThat(second.ferry.output()).contains("leads ferry, taking over from process " + first.ferry.pid());
        }
    }

    private static List<String> ids(String prefix) {
        return IntStream.range(0, BATCH).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** One `ferry run` with its own ports and work directory, on the shared state database. */
    private record Node(FerryProcess ferry, Collector collector) implements AutoCloseable {

        static Node start(Path dir, AepSandbox sandbox, ScratchDatabase state) throws Exception {
            Files.createDirectories(dir);
            int httpPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(dir, sandbox, httpPort, SandboxConfigFile.freePort());
            Files.writeString(config, Files.readString(config).replaceAll("ferry\\.state\\.db\\.url=.*",
                    "ferry.state.db.url=" + state.url() + "\nferry.state.db.user=" + state.user()));
            FerryProcess ferry = FerryProcess.start(dir, Map.of("FERRY_AEP_CLIENT_SECRET",
                    sandbox.settings().clientSecret()), "run", "--config", config.toString());
            Collector collector = new Collector(httpPort);
            collector.awaitReady(ferry);
            return new Node(ferry, collector);
        }

        @Override
        public void close() {
            ferry.close();
        }
    }
}

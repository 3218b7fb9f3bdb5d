package dev.ferry.app.faults;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: AEP unreachable (connection refused), then answering 503 with Retry-After, then healthy. The
 * collector keeps acknowledging into the outbox; once AEP is back the backlog drains, each event once, and one
 * shopper's events arrive in the order they were accepted.
 */
class AepOutageIT {

    @TempDir
    Path work;

    @Test
    void backlogBuiltDuringAnAepOutageDrainsOnceAndInOrderPerShopperWhenAepReturns() throws Exception {
        int aepPort = SandboxConfigFile.freePort();
        SandboxSettings settings = SandboxSettings.defaults().toBuilder().port(aepPort)
                .initialFaults(FaultSettings.builder().failFirst(4).failStatus(503).retryAfterSeconds(1).build())
                .build();
        int httpPort = SandboxConfigFile.freePort();
        Collector collector = new Collector(httpPort);
        List<String> accepted = new ArrayList<>();

        Path config;
        try (AepSandbox forTheConfig = AepSandbox.start(SandboxSettings.defaults())) {
            config = SandboxConfigFile.write(work, forTheConfig, httpPort, SandboxConfigFile.freePort());
        }
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                .replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:" + aepPort));

        try (FerryProcess ferry = FerryProcess.start(work,
                Map.of("FERRY_AEP_CLIENT_SECRET", settings.clientSecret()), "run", "--config", config.toString())) {
            collector.awaitReady(ferry);
            for (int i = 0; i < 60; i++) {
                String id = "outage-" + i;
                assertThat(collector.post(Collector.pageViews(List.of(id))).statusCode())
                        .as("AEP down, the collector still acknowledges").isEqualTo(202);
                accepted.add(id);
            }
            Thread.sleep(2_000);

            try (AepSandbox aep = AepSandbox.start(settings)) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        assertThat(accepted).as(ferry.output()).allMatch(id -> aep.events().countById(id) >= 1));

                List<String> arrival = new ArrayList<>(aep.events().list().stream()
                        .filter(e -> e.id().startsWith("outage-")).map(ReceivedEvent::id).toList());
                Collections.reverse(arrival); // list() is newest first
                assertThat(arrival).as("one shopper's events in acceptance order").containsExactlyElementsOf(accepted);
                FaultTally tally = FaultTally.count("aep-outage", accepted.size(), accepted, aep.events(), 0);
                assertThat(tally.lost()).isZero();
                assertThat(tally.duplicated()).isZero();
            }
            ferry.terminate(Duration.ofSeconds(40));
        }
    }
}

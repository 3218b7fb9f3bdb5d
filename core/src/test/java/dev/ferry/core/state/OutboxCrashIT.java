package dev.ferry.core.state;

import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TestDatabase;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCrashIT {

    @OnEveryStateDatabase
    void everyAcknowledgedAppendSurvivesKillMinusNineOfTheWriter(TestDatabase kind) throws Exception {
        try (ScratchDatabase database = kind.create()) {
            everyAcknowledgedAppendSurvivesKillMinusNineOfTheWriter(database);
        }
    }

    private static void everyAcknowledgedAppendSurvivesKillMinusNineOfTheWriter(ScratchDatabase database)
            throws Exception {
        Path errors = Files.createTempFile("outbox-writer-", ".log");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxWriterMain.class.getName(), database.url(),
                database.user(), database.password())
                .redirectError(errors.toFile()).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            writer.destroyForcibly();
            writer.waitFor(10, TimeUnit.SECONDS);
            try {
                while ((line = out.readLine()) != null) {
                    acknowledged.add(line);
                }
            } catch (java.io.IOException closedByTheKill) {
                // Lines the killed writer printed but we did not read only make the check weaker, never wrong.
            }
        }
        assertThat(acknowledged).as("the writer's errors: %s", Files.readString(errors)).hasSizeGreaterThanOrEqualTo(300);
        Files.delete(errors);

        try (StateDatabase reopened = StateDatabase.open(database.url(), database.user(), database.password())) {
            Set<String> kept = new HashSet<>();
            reopened.outbox().next("crash", Integer.MAX_VALUE).forEach(r -> kept.add(r.event().id()));
            assertThat(kept).containsAll(acknowledged);
        }
    }
}

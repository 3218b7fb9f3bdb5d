package dev.ferry.core.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCrashIT {

    @Test
    void everyAcknowledgedAppendSurvivesKillMinusNineOfTheEmbeddedStateDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath();
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxWriterMain.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (StateDatabase reopened = StateDatabase.open(url, "", "")) {
            Set<String> kept = new HashSet<>();
            reopened.outbox().next("crash", Integer.MAX_VALUE).forEach(r -> kept.add(r.event().id()));
            assertThat(kept).containsAll(acknowledged);
        }
    }
}

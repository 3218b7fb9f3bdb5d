package dev.ferry.aep;

import dev.ferry.core.docs.ComponentOptionsDoc;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/connectors/aep.md} in step with the options as declared; run with
 * {@code -Dferry.docs.update=true} to write the fresh table into the document.
 */
class AepOptionsDocTest {

    private static final Path DOC = Path.of("../../docs/connectors/aep.md");

    @Test
    void theOptionsReferenceMatchesTheDeclaredOptions() throws Exception {
        String fresh = ComponentOptionsDoc.refresh(Files.readString(DOC, StandardCharsets.UTF_8),
                AepComponent.class, AepEndpoint.class);
        if (Boolean.getBoolean("ferry.docs.update")) {
            Files.writeString(DOC, fresh, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("%s is out of date; run the test with -Dferry.docs.update=true", DOC)
                .isEqualTo(fresh);
    }
}

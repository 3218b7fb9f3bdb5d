package dev.ferry.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a generated section of a document in docs/ equal to what the code declares. Run the test with
 * {@code -Dferry.docs.update=true} to rewrite the section after changing the declarations.
 */
public final class ProjectDocs {

    private ProjectDocs() {
    }

    public static Path file(String relative) {
        return Path.of(System.getProperty("ferry.project.dir", "..")).resolve(relative);
    }

    public static void assertGeneratedSectionIsCurrent(String relative, UnaryOperator<String> refresh) {
        Path doc = file(relative);
        try {
            String current = Files.readString(doc);
            String fresh = refresh.apply(current);
            if (Boolean.getBoolean("ferry.docs.update")) {
                Files.writeString(doc, fresh);
            }
            assertThat(current).as(relative + " is out of date; rerun with -Dferry.docs.update=true").isEqualTo(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

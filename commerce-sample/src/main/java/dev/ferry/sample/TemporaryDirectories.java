package dev.ferry.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Directories an embedded server uses only while it runs, under java.io.tmpdir. */
final class TemporaryDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDirectories.class);

    private TemporaryDirectories() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for an embedded MariaDB", e);
        }
    }

    /** Deletes the directory and its content; a leftover is logged, not fatal. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }
}

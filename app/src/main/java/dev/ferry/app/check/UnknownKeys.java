package dev.ferry.app.check;

import dev.ferry.core.config.FerrySetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code ferry.*} keys of a config file that no {@link FerrySetting} has. A misspelt key leaves its setting at
 * the default without a word: {@code ferry.aep.ims-url} for {@code ferry.aep.ims.url} sends the token request to
 * Adobe's IMS instead of the one meant.
 */
public final class UnknownKeys {

    private UnknownKeys() {
    }

    /**
     * Each unknown key of the file as {@code FILE:LINE: unknown key KEY}, with the nearest known key when one is
     * close, in file order.
     *
     * @throws IOException when the file cannot be read
     */
    public static List<String> in(Path file) throws IOException {
        return of(file, PropertiesLines.of(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** As {@link #in(Path)}, from the file's keys and their line numbers. */
    static List<String> of(Path file, Map<String, Integer> lines) {
        List<String> known = Arrays.stream(FerrySetting.values()).map(FerrySetting::key).toList();
        List<String> unknown = new ArrayList<>();
        lines.forEach((key, line) -> {
            if (key.startsWith("ferry.") && FerrySetting.byKey(key).isEmpty()) {
                String nearest = Nearest.to(key, known).map(k -> "; did you mean " + k + "?").orElse("");
                unknown.add(file + ":" + line + ": unknown key " + key + nearest);
            }
        });
        return unknown;
    }
}

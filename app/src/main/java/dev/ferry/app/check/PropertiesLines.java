package dev.ferry.app.check;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where each key of a {@code .properties} file is written: its 1-based line number. Logical lines (with
 * backslash continuations) are handed one at a time to {@link Properties#load}, so keys with escapes or
 * {@code :}/whitespace separators come out exactly as {@link Properties} reads them. A key written twice keeps
 * its last line, the one whose value wins.
 */
final class PropertiesLines {

    private PropertiesLines() {
    }

    static Map<String, Integer> of(String content) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> physical = content.lines().toList();
        int i = 0;
        while (i < physical.size()) {
            int start = i;
            StringBuilder logical = new StringBuilder(physical.get(i));
            String trimmed = physical.get(i).stripLeading();
            boolean comment = trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!");
            while (!comment && endsWithContinuation(physical.get(i)) && i + 1 < physical.size()) {
                i++;
                logical.append('\n').append(physical.get(i));
            }
            i++;
            if (comment) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                continue; // FerryConfig.load reports an unreadable file; here the line is merely not located
            }
            for (String key : one.stringPropertyNames()) {
                lines.put(key, start + 1);
            }
        }
        return lines;
    }

    /** An odd number of trailing backslashes continues the line. */
    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}

package dev.ferry.sandbox.batch;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a JSON Lines file into its non-blank lines without decoding it: a line ends at {@code \n}, {@code \r} or
 * {@code \r\n} and is blank when it holds only whitespace, as {@code BufferedReader} and {@code String.isBlank} see
 * lines, so line numbers match what an editor shows.
 */
final class JsonLines {

    private JsonLines() {
    }

    static void forEachNonBlank(String file, byte[] content, Consumer<JsonLine> line) {
        int number = 0;
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n' && content[end] != '\r') {
                end++;
            }
            number++;
            if (!isBlank(content, start, end)) {
                line.accept(new JsonLine(file, number, content, start, end - start));
            }
            boolean crLf = end + 1 < content.length && content[end] == '\r' && content[end + 1] == '\n';
            start = end + (crLf ? 2 : 1);
        }
    }

    /**
     * Decodes a line only when non-ASCII bytes come before anything but ASCII whitespace, as Unicode has spaces of its
     * own that {@code String.isBlank} counts.
     */
    private static boolean isBlank(byte[] content, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = content[i];
            if (b < 0) {
                return new String(content, start, end - start, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}

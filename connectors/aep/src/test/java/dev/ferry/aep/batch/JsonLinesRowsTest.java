package dev.ferry.aep.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRowsTest {

    private static final int PIECE = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void rowsAreTheNonBlankLinesNumberedAsAReaderNumbersThem() throws Exception {
        String text = "{\"a\":1}\n\n  \t\n{\"b\":2}\r{\"c\":3}\r\n\u2003\n{\"d\":\"é\"}";

        assertThat(rows(text)).containsExactlyElementsOf(readerRows(text))
                .containsExactly("1:{\"a\":1}", "4:{\"b\":2}", "5:{\"c\":3}", "7:{\"d\":\"é\"}");
    }

    @Test
    void aCarriageReturnAndLineFeedSplitAcrossTwoPiecesEndOneLine() throws Exception {
        String first = "x".repeat(PIECE - 1);
        String text = first + "\r\n" + "{\"next\":true}\n";

        assertThat(rows(text)).containsExactly("1:" + first, "2:{\"next\":true}");
    }

    @Test
    void aLineLongerThanAPieceIsReadWhole() throws Exception {
        String longLine = "{\"pad\":\"" + "y".repeat(PIECE * 5 / 2) + "\"}";
        String text = "{\"a\":1}\n" + longLine + "\n{\"b\":2}";

        assertThat(rows(text)).containsExactly("1:{\"a\":1}", "2:" + longLine, "3:{\"b\":2}");
    }

    @Test
    void randomLinesAndLineEndsAcrossPiecesReadAsAReaderReadsThem() throws Exception {
        Random random = new Random(42);
        String[] parts = {"{\"_id\":\"a\"}", "\n", "\r", "\r\n", " ", "\u2003", "ü", "z".repeat(700)};
        StringBuilder text = new StringBuilder();
        while (text.length() < 3 * PIECE) {
            text.append(parts[random.nextInt(parts.length)]);
        }

        assertThat(rows(text.toString())).containsExactlyElementsOf(readerRows(text.toString()));
    }

    /**
     * The line end at every place in and around an eight-byte word, behind bytes that differ from a line end by one
     * bit (0x8A, 0x8D, 0x0B, 0x0C, 0x1A) and behind a zero byte, whose borrow the search must not take for a find.
     */
    @Test
    void theFirstLineEndIsFoundWhereverItFallsInAWord() {
        byte[] decoys = {(byte) 0x8A, (byte) 0x8D, 0x0B, 0x0C, 0x1A, 0x00, 'x', (byte) 0xFF};
        for (byte end : new byte[] {'\n', '\r'}) {
            for (int length = 0; length <= 20; length++) {
                for (int at = 0; at <= length; at++) {
                    byte[] bytes = new byte[length + 3];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = decoys[i % decoys.length];
                    }
                    // searched from 1 to 1 + length: the line ends before and after the range are never looked at
                    bytes[0] = '\n';
                    bytes[length + 2] = end;
                    if (at < length) {
                        bytes[1 + at] = end;
                    }
                    assertThat(JsonLinesRows.lineEnd(bytes, 1, 1 + length)).as("length %d, %s at %d", length,
                            end == '\n' ? "LF" : "CR", at).isEqualTo(1 + at);
                }
            }
        }
    }

    @Test
    void anEmptyFileHasNoRows() throws Exception {
        assertThat(rows("")).isEmpty();
    }

    private List<String> rows(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("rows.json"), text, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        JsonLinesRows.forEachRow(file, (line, bytes, offset, length) ->
                rows.add(line + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8)));
        return rows;
    }

    private static List<String> readerRows(String text) throws IOException {
        List<String> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    rows.add(number + ":" + line);
                }
            }
        }
        return rows;
    }
}

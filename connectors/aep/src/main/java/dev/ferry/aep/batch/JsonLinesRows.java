package dev.ferry.aep.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the rows of a JSON Lines file as bytes, a piece of the file at a time, without decoding it: naming the rows
 * of a multi-gigabyte export then costs a scan for line ends instead of a decoded copy of every line. Lines end at
 * {@code \n}, {@code \r} or {@code \r\n}, and a row is a line that is not blank, as {@code BufferedReader} and
 * {@code String.isBlank} see lines, so the numbers are those of an editor and of AEP's row errors.
 */
final class JsonLinesRows {

    /** Called with each row in file order; the bytes are only valid during the call. */
    interface RowHandler {
        void row(int lineNumber, byte[] bytes, int offset, int length) throws IOException;
    }

    private static final int PIECE = 1 << 20;

    private final InputStream in;
    private final RowHandler handler;
    private byte[] buffer = new byte[PIECE];
    /** The unread line starts here; bytes up to {@code end} have been read from the file. */
    private int start;
    private int end;
    private int lineNumber;
    /** The last line ended with {@code \r} at the end of what was read: a {@code \n} next belongs to it. */
    private boolean afterCarriageReturn;

    private JsonLinesRows(InputStream in, RowHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    static void forEachRow(Path file, RowHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            new JsonLinesRows(in, handler).readAll();
        }
    }

    private void readAll() throws IOException {
        int scanned = start;
        while (true) {
            int lineEnd = scanned;
            while (lineEnd < end && buffer[lineEnd] != '\n' && buffer[lineEnd] != '\r') {
                lineEnd++;
            }
            if (lineEnd < end) {
                line(start, lineEnd);
                start = lineEnd + 1;
                afterCarriageReturn = buffer[lineEnd] == '\r';
                skipLineFeedAfterCarriageReturn();
                scanned = start;
            } else {
                scanned = end - start;
                if (!readMore()) {
                    if (start < end) {
                        line(start, end);
                    }
                    return;
                }
                scanned += start;
            }
        }
    }

    /** Keeps the unread line at the start of the buffer, growing it for a line longer than the buffer. */
    private boolean readMore() throws IOException {
        int unread = end - start;
        if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, start, buffer, 0, unread);
        }
        start = 0;
        end = unread;
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        skipLineFeedAfterCarriageReturn();
        return true;
    }

    private void skipLineFeedAfterCarriageReturn() {
        if (afterCarriageReturn && start < end) {
            if (buffer[start] == '\n') {
                start++;
            }
            afterCarriageReturn = false;
        }
    }

    private void line(int from, int to) throws IOException {
        lineNumber++;
        if (!isBlank(buffer, from, to)) {
            handler.row(lineNumber, buffer, from, to - from);
        }
    }

    /**
     * Decodes a line only when non-ASCII bytes come before anything but ASCII whitespace, as Unicode has spaces of its
     * own that {@code String.isBlank} counts.
     */
    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}

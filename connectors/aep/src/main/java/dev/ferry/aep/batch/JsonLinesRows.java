package dev.ferry.aep.batch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** A byte array read eight bytes at a time, the first byte lowest, as {@link Long#numberOfTrailingZeros} counts. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

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
            int lineEnd = lineEnd(buffer, scanned, end);
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

    /**
     * Where the first {@code \n} or {@code \r} in {@code bytes[from, to)} is, or {@code to} when there is none. Eight
     * bytes are looked at a time, as an export's lines are over a kilobyte long and looking at them byte by byte was
     * most of the time it took to name a batch's rows: in each eight, a byte equal to the line end becomes zero once
     * XORed with it, and {@code (x - 0x01..) & ~x & 0x80..} flags zero bytes. Only bytes above a real zero can be
     * flagged falsely (a borrow runs upwards), so the lowest flag is always the first line end.
     */
    static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long lineFeeds = word ^ LINE_FEEDS;
            long carriageReturns = word ^ CARRIAGE_RETURNS;
            long zeros = ((lineFeeds - ONES) & ~lineFeeds | (carriageReturns - ONES) & ~carriageReturns) & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (i < to && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
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

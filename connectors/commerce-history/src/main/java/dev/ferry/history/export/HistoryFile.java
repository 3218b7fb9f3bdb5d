package dev.ferry.history.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JSON Lines file being written: whole orders only (all the events of an order go in the same file, so a
 * checkpoint on a file boundary is also an order boundary), never more than the file-size limit.
 */
final class HistoryFile implements AutoCloseable {

    private final Path path;
    private final long maxBytes;
    private final OutputStream out;
    private long bytes;
    private long orders;
    private long events;
    private long deadLettered;
    private long lastOrderId;

    HistoryFile(Path path, long maxBytes) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    }

    /** Whether an order's lines still fit; an empty file takes any order that fits a file at all. */
    boolean fits(int orderBytes) {
        return bytes + orderBytes <= maxBytes;
    }

    void write(byte[] orderLines, int eventCount, long orderId) throws IOException {
        out.write(orderLines);
        bytes += orderLines.length;
        orders++;
        events += eventCount;
        lastOrderId = orderId;
    }

    /** An order of this file's stretch went to dead letters instead of into the file. */
    void skipped(long orderId) {
        deadLettered++;
        lastOrderId = orderId;
    }

    boolean isEmpty() {
        return orders == 0 && deadLettered == 0;
    }

    Path path() {
        return path;
    }

    long orders() {
        return orders;
    }

    long events() {
        return events;
    }

    long deadLettered() {
        return deadLettered;
    }

    long lastOrderId() {
        return lastOrderId;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

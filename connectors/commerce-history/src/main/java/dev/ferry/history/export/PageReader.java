package dev.ferry.history.export;

import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesOrderReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the export's pages of whole orders ahead, on a thread of its own, so MariaDB and the JDBC driver work on
 * the next page while the export maps and writes this one. At most {@link #AHEAD} pages wait, so memory stays a
 * few pages whatever the range. The reader thread is the only user of the connection until it is closed.
 */
final class PageReader implements AutoCloseable {

    /** Pages read and not yet taken: enough to cover a slow query, few enough to keep the heap flat. */
    static final int AHEAD = 2;

    /** The orders of one keyset page that still exist, in entity_id order. */
    record Page(List<SalesOrder> orders) {
    }

    /** The next keyset page's entity_ids after an order id; empty at the end of the range. */
    @FunctionalInterface
    interface PageIds {
        List<Long> after(Connection connection, long orderId) throws SQLException;
    }

    /** What the reader thread hands over: a page, or the failure that ended the reading. */
    private record Read(Page page, SQLException failure) {
    }

    private static final Read END = new Read(null, null);

    private final BlockingQueue<Read> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private boolean ended;

    PageReader(Connection connection, PageIds ids, SalesOrderReader reader, long after) {
        thread = new Thread(() -> readAll(connection, ids, reader, after), "history-page-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next page, waiting for it if the reader is behind; null once the range is done.
     *
     * @throws SQLException the database failure that stopped the reading (every page before it was handed over)
     */
    Page next() throws SQLException, InterruptedException {
        if (ended) {
            return null;
        }
        Read read = ready.take();
        if (read.failure() != null) {
            ended = true;
            throw read.failure();
        }
        ended = read == END;
        return read.page();
    }

    private void readAll(Connection connection, PageIds ids, SalesOrderReader reader, long after) {
        try {
            long last = after;
            List<Long> page;
            while (!(page = ids.after(connection, last)).isEmpty()) {
                Map<Long, SalesOrder> orders = reader.read(connection, page);
                last = page.get(page.size() - 1);
                ready.put(new Read(new Page(new ArrayList<>(orders.values())), null));
            }
            ready.put(END);
        } catch (SQLException e) {
            handOver(new Read(null, e));
        } catch (InterruptedException e) {
            // closed before the end: nobody takes pages any more
        } catch (RuntimeException e) {
            handOver(new Read(null, new SQLException("reading a page failed: " + e, e)));
        }
    }

    private void handOver(Read failure) {
        try {
            ready.put(failure);
        } catch (InterruptedException closed) {
            // closed: nobody waits for the failure
        }
    }

    /** Stops reading ahead and waits for the reader thread, so the connection is free to be closed. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}

package dev.ferry.history.export;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesOrderReader;
import dev.ferry.history.export.HistoryExport.CommerceConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reads the export's pages of whole orders ahead, so MariaDB and the JDBC driver work on the next pages while the
 * export maps and writes this one. A page's rows take about ten queries one after the other, each waiting for
 * MariaDB, so one connection leaves the machine idle between them: the pages' ids are found on the export's
 * connection, in order, and {@code readers} threads read the pages' orders on connections of their own. Pages are
 * handed over in keyset order whatever thread read them, and at most {@link #AHEAD} more than the readers are in
 * memory, so memory stays a few pages whatever the range.
 */
final class PageReader implements AutoCloseable {

    /** Pages read and not yet taken, beyond one per reader: enough to cover a slow query. */
    static final int AHEAD = 2;

    /** The orders of one keyset page that still exist, in entity_id order. */
    record Page(List<SalesOrder> orders) {
    }

    /** The next keyset page's entity_ids after an order id; empty at the end of the range. */
    @FunctionalInterface
    interface PageIds {
        List<Long> after(Connection connection, long orderId) throws SQLException;
    }

    /** What a page's number comes to: its orders, the end of the range, or the failure that ended the reading. */
    private record Read(Page page, SQLException failure) {
    }

    /** A page to read: its place in the keyset order and its ids; no ids tells a reader to stop. */
    private record PageToRead(long number, List<Long> ids) {
    }

    private static final Read END = new Read(null, null);
    private static final PageToRead STOP = new PageToRead(-1, null);

    private final PageIds pageIds;
    private final CommerceConnections connections;
    /** Pages found or being read and not yet taken; taking a page makes room for the next. */
    private final Semaphore room;
    private final BlockingQueue<PageToRead> toRead;
    /** What each page number came to, until taken. Guarded by this. */
    private final Map<Long, Read> read = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private long nextToTake;
    private boolean ended;

    /**
     * @param connection  the export's connection, on which the pages' ids are found
     * @param connections opens each reader's own connection, closed when the reader stops
     */
    PageReader(Connection connection, CommerceConnections connections, int readers, PageIds pageIds, long after) {
        this.pageIds = pageIds;
        this.connections = connections;
        this.room = new Semaphore(AHEAD + readers);
        this.toRead = new ArrayBlockingQueue<>(AHEAD + 2 * readers);
        threads.add(DaemonThreads.named("history-page-ids").newThread(() -> findPages(connection, readers, after)));
        for (int i = 1; i <= readers; i++) {
            threads.add(DaemonThreads.named("history-page-reader-" + i).newThread(this::readPages));
        }
        threads.forEach(Thread::start);
    }

    /**
     * The next page, waiting for it if the readers are behind; null once the range is done.
     *
     * @throws SQLException the database failure that stopped the reading (every page before it was handed over)
     */
    synchronized Page next() throws SQLException, InterruptedException {
        if (ended) {
            return null;
        }
        while (!read.containsKey(nextToTake)) {
            wait();
        }
        Read page = read.remove(nextToTake++);
        room.release();
        if (page.failure() != null) {
            ended = true;
            throw page.failure();
        }
        ended = page == END;
        return page.page();
    }

    private void findPages(Connection connection, int readers, long after) {
        long number = 0;
        try {
            long last = after;
            while (true) {
                room.acquire();
                List<Long> ids = pageIds.after(connection, last);
                if (ids.isEmpty()) {
                    arrived(number, END);
                    break;
                }
                toRead.put(new PageToRead(number++, ids));
                last = ids.get(ids.size() - 1);
            }
        } catch (SQLException e) {
            arrived(number, new Read(null, e));
        } catch (RuntimeException | Error e) {
            // handed over whatever it is: a page that never arrives would leave the export waiting for ever
            arrived(number, new Read(null, new SQLException("finding a page failed: " + e, e)));
        } catch (InterruptedException e) {
            return; // closed before the end: nobody takes pages any more
        }
        try {
            for (int i = 0; i < readers; i++) {
                toRead.put(STOP);
            }
        } catch (InterruptedException closed) {
            // closed: the readers are interrupted too
        }
    }

    /** Reads pages until told to stop; a failure is handed over as the page it hit, which ends the export's reading. */
    private void readPages() {
        SalesOrderReader reader = new SalesOrderReader();
        Connection connection = null;
        try {
            PageToRead page;
            while ((page = toRead.take()) != STOP) {
                try {
                    if (connection == null) {
                        connection = connections.open();
                    }
                    List<SalesOrder> orders = new ArrayList<>(reader.read(connection, page.ids()).values());
                    arrived(page.number(), new Read(new Page(orders), null));
                } catch (SQLException e) {
                    arrived(page.number(), new Read(null, e));
                } catch (RuntimeException | Error e) {
                    // handed over whatever it is: a page that never arrives would leave the export waiting for ever
                    arrived(page.number(), new Read(null, new SQLException("reading a page failed: " + e, e)));
                }
            }
        } catch (InterruptedException e) {
            // closed before the end: nobody takes pages any more
        } finally {
            closeQuietly(connection);
        }
    }

    private synchronized void arrived(long number, Read page) {
        read.put(number, page);
        notifyAll();
    }

    /** Stops reading ahead and waits for the threads, so the export's connection is free to be closed. */
    @Override
    public void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the reader is done with it; a connection that fails to close holds nothing the export needs
            }
        }
    }
}

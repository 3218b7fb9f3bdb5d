package dev.ferry.bench;

import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.PaymentMethod;
import dev.ferry.sample.SampleSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's Commerce database and its back office: Magento's schema with a little sample data in a database of
 * its own on the machine's MariaDB, and orders changing at a steady rate while the storefront load runs. Each tick
 * makes one change, in a cycle of six: place a guest order (check / money order, so it waits to be invoiced) and
 * invoice it, twice, then ship the older of the two (it is then complete, a terminal state) and refund the other in
 * full (it is then closed). Every change commits on its own, as Magento's admin does.
 */
final class SoakCommerce implements AutoCloseable {

    /** Guest shoppers of the soak's orders: few, so the sandbox's profiles stay few. */
    private static final int SHOPPERS = 50;

    private final MariaDbServer server;
    private final String database = "ferry_soak_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final ArrayDeque<Long> placed = new ArrayDeque<>();
    private final ArrayDeque<Long> invoiced = new ArrayDeque<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Thread writer;
    private volatile boolean running;
    private long ticks;

    SoakCommerce(MariaDbServer server) {
        this.server = server;
        new CommerceSampleData(7).seedNewDatabase(server, database,
                SampleSize.defaults().withCustomers(2).withOrders(1));
    }

    /** Lines for ferry.properties: this database, and the order poller on with a short interval. */
    String configLines() {
        return String.join("\n",
                "ferry.commerce.db.url=" + server.jdbcUrl(database),
                "ferry.commerce.db.user=" + server.user(),
                "ferry.commerce.db.password=" + server.password(),
                "ferry.orders.enabled=true",
                "ferry.orders.poll-interval=500", "");
    }

    /** Starts changing orders, {@code changesPerSecond} commits a second, until {@link #stop()}. */
    void start(double changesPerSecond) {
        long periodNanos = (long) (1e9 / changesPerSecond);
        running = true;
        writer = new Thread(() -> {
            long start = System.nanoTime();
            try (Connection connection = server.dataSource(database).getConnection()) {
                for (long tick = 0; running; tick++) {
                    long wait = start + tick * periodNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    change(connection);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("lost the connection to the soak's Commerce database", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-order-changes");
        writer.start();
    }

    void stop() throws InterruptedException {
        running = false;
        writer.join();
    }

    /** Changes committed so far. */
    long changes() {
        return changes.get();
    }

    /** Changes whose commit failed: not made, so not owed. */
    long failures() {
        return failures.get();
    }

    /** Places one guest order in its own transaction; returns its entity_id. */
    long placeOrder(String email) throws SQLException {
        try (Connection connection = server.dataSource(database).getConnection()) {
            return CommerceSampleData.placeOrder(connection, NewOrder.byGuest(email).paidWith(PaymentMethod.CHECKMO));
        }
    }

    /** The placed event's _id of one order, as the order poller derives it. */
    String placedEventId(long orderId) throws SQLException {
        Set<String> ids = new HashSet<>();
        collect(ids, OrderChangeKind.PLACED, "SELECT o.increment_id, o.entity_id FROM sales_order o "
                + "WHERE o.entity_id = ?", orderId);
        return ids.iterator().next();
    }

    /**
     * The _id of every event the poller owes for the orders with an entity_id above the given one (placed,
     * invoiced, shipped, refunded, and completed for those now complete), derived from the rows as the poller does.
     */
    Set<String> owedEventIdsAfter(long orderId) throws SQLException {
        Set<String> ids = new HashSet<>();
        collect(ids, OrderChangeKind.PLACED,
                "SELECT o.increment_id, o.entity_id FROM sales_order o WHERE o.entity_id > ?", orderId);
        collect(ids, OrderChangeKind.INVOICED, "SELECT o.increment_id, i.entity_id FROM sales_invoice i "
                + "JOIN sales_order o ON o.entity_id = i.order_id WHERE o.entity_id > ?", orderId);
        collect(ids, OrderChangeKind.SHIPPED, "SELECT o.increment_id, s.entity_id FROM sales_shipment s "
                + "JOIN sales_order o ON o.entity_id = s.order_id WHERE o.entity_id > ?", orderId);
        collect(ids, OrderChangeKind.CREDIT_MEMO, "SELECT o.increment_id, c.entity_id FROM sales_creditmemo c "
                + "JOIN sales_order o ON o.entity_id = c.order_id WHERE o.entity_id > ?", orderId);
        collect(ids, OrderChangeKind.COMPLETED, "SELECT o.increment_id, o.entity_id FROM sales_order o "
                + "WHERE o.entity_id > ? AND o.state = 'complete'", orderId);
        return ids;
    }

    private void collect(Set<String> ids, OrderChangeKind kind, String sql, long orderId) throws SQLException {
        try (Connection connection = server.dataSource(database).getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(EventIds.deterministic("commerce-order", rows.getString(1), kind.code(),
                            String.valueOf(rows.getLong(2))));
                }
            }
        }
    }

    private void change(Connection connection) {
        long tick = ticks++;
        try {
            switch ((int) (tick % 6)) {
                case 0, 2 -> placed.add(CommerceSampleData.placeOrder(connection,
                        NewOrder.byGuest("soak-" + (tick / 3 % SHOPPERS) + "@example.com")
                                .paidWith(PaymentMethod.CHECKMO)));
                case 1, 3 -> {
                    long order = placed.remove();
                    CommerceSampleData.invoice(connection, order);
                    invoiced.add(order);
                }
                case 4 -> CommerceSampleData.ship(connection, invoiced.remove(), "ups", "1Z" + tick);
                default -> CommerceSampleData.refund(connection, invoiced.remove());
            }
            changes.incrementAndGet();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.dropDatabase(database);
    }
}

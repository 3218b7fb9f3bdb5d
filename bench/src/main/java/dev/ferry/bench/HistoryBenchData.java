package dev.ferry.bench;

import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A million Magento orders in MariaDB, fast: the sample seeder writes 1,000 realistic orders over five years (items,
 * addresses, payments, invoices, shipments with tracks, credit memos, cancels), then MariaDB copies them in bulk
 * ({@code INSERT ... SELECT} joined with its sequence engine), each copy with its keys shifted past the previous
 * one and its increment ids suffixed, so every copy is a distinct order with the same shape and dates.
 */
final class HistoryBenchData {

    static final int TEMPLATE_ORDERS = 1_000;
    /** The table that says a generation finished, and with how many orders. */
    private static final String MARKER = "ferry_bench_generated";

    /** Table, its key, and its columns that point at another table's key (column to table). */
    private record Copied(String table, String key, Map<String, String> references, boolean incrementId) {
    }

    private static final List<Copied> TABLES = List.of(
            new Copied("sales_order", "entity_id", Map.of(), true),
            new Copied("sales_order_item", "item_id", Map.of("order_id", "sales_order",
                    "parent_item_id", "sales_order_item"), false),
            new Copied("sales_order_address", "entity_id", Map.of("parent_id", "sales_order"), false),
            new Copied("sales_order_payment", "entity_id", Map.of("parent_id", "sales_order"), false),
            new Copied("sales_invoice", "entity_id", Map.of("order_id", "sales_order"), true),
            new Copied("sales_shipment", "entity_id", Map.of("order_id", "sales_order"), true),
            new Copied("sales_shipment_item", "entity_id", Map.of("parent_id", "sales_shipment",
                    "order_item_id", "sales_order_item"), false),
            new Copied("sales_shipment_track", "entity_id", Map.of("parent_id", "sales_shipment",
                    "order_id", "sales_order"), false),
            new Copied("sales_creditmemo", "entity_id", Map.of("order_id", "sales_order"), true),
            new Copied("sales_creditmemo_item", "entity_id", Map.of("parent_id", "sales_creditmemo",
                    "order_item_id", "sales_order_item"), false));

    private HistoryBenchData() {
    }

    /** Creates the database with {@code orders} orders unless it already holds exactly that many. */
    static void ensure(MariaDbServer server, String database, int orders) throws SQLException {
        if (orders % TEMPLATE_ORDERS != 0) {
            throw new IllegalArgumentException("orders must be a multiple of " + TEMPLATE_ORDERS);
        }
        if (generatedOrders(server, database) == orders) {
            System.out.println("reusing " + database + " with " + orders + " orders");
            return;
        }
        long started = System.nanoTime();
        DataSource data = new CommerceSampleData(7).seedNewDatabase(server, database,
                SampleSize.defaults().withCustomers(300).withOrders(TEMPLATE_ORDERS)
                        .withCreatedBetween(Instant.parse("2021-11-01T00:00:00Z"),
                                Instant.parse("2026-10-31T00:00:00Z")));
        int copies = orders / TEMPLATE_ORDERS - 1;
        try (Connection connection = data.getConnection()) {
            copyOrders(connection, copies);
            markGenerated(connection, orders);
        }
        System.out.printf("generated %,d orders in %.0f s%n", orders, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Copies every order of the database {@code copies} times (the sales tables only). Returns, per table, the span
     * its keys are shifted by: copy {@code n}'s rows have the template's keys plus {@code n} times the span, so every
     * key of a copy is at least its table's span.
     */
    static Map<String, Long> copyOrders(Connection connection, int copies) throws SQLException {
        Map<String, Long> spans = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION foreign_key_checks = 0");
            statement.execute("SET SESSION unique_checks = 0");
            for (Copied table : TABLES) {
                spans.put(table.table(), single(statement, "SELECT COALESCE(MAX(" + table.key() + "), 0) + 1 FROM "
                        + table.table()));
            }
            if (copies > 0) {
                for (Copied table : TABLES) {
                    statement.execute(copy(connection, table, spans, copies));
                }
            }
        }
        return spans;
    }

    private static String copy(Connection connection, Copied table, Map<String, Long> spans, int copies)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, table.table(), null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (column.equals(table.key())) {
                values.add("t." + column + " + s.seq * " + spans.get(table.table()));
            } else if (table.references().containsKey(column)) {
                values.add("t." + column + " + s.seq * " + spans.get(table.references().get(column)));
            } else if (column.equals("increment_id") && table.incrementId()) {
                values.add("CONCAT(t.increment_id, '-', s.seq)");
            } else {
                values.add("t." + column);
            }
        }
        return "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + table.table() + " t JOIN seq_1_to_" + copies + " s";
    }

    /**
     * Written last, so that a generation that was interrupted (its tables half filled) is made again rather than
     * reused: counting the orders alone would take it for complete.
     */
    private static void markGenerated(Connection connection, int orders) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + MARKER + " (orders INT NOT NULL)");
            statement.execute("INSERT INTO " + MARKER + " VALUES (" + orders + ")");
        }
    }

    /** The orders of a completed generation, or -1 when there is none. */
    private static long generatedOrders(MariaDbServer server, String database) {
        try (Connection connection = server.dataSource(database).getConnection();
             Statement statement = connection.createStatement()) {
            return single(statement, "SELECT orders FROM " + MARKER);
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package dev.ferry.app.faults;

import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.SampleSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Commerce database of the order scenarios: Magento's schema with a little sample data, guest orders placed on
 * demand, and the placed events Ferry owes for the orders committed after a point.
 */
final class FaultCommerce implements AutoCloseable {

    private final MariaDbServer server;
    private final String database = "ferry_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    FaultCommerce(MariaDbServer server) {
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
                "ferry.orders.poll-interval=300", "");
    }

    /** Places one guest order in its own transaction; returns its entity_id. */
    long placeOrder(String email) throws SQLException {
        try (Connection connection = server.dataSource(database).getConnection()) {
            return CommerceSampleData.placeOrder(connection, NewOrder.byGuest(email));
        }
    }

    /** The _id of the placed event of every order committed with an entity_id above the given one. */
    List<String> placedEventIdsAfter(long entityId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = server.dataSource(database).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT entity_id, increment_id FROM sales_order WHERE entity_id > ? ORDER BY entity_id")) {
            select.setLong(1, entityId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(placedEventId(rows.getString(2), rows.getLong(1)));
                }
            }
        }
        return ids;
    }

    /** The highest entity_id in sales_order. */
    long entityIdOfNewest() throws SQLException {
        try (Connection connection = server.dataSource(database).getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MAX(entity_id) FROM sales_order");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The placed event's _id for one order, as the order poller derives it. */
    String placedEventId(long entityId) throws SQLException {
        try (Connection connection = server.dataSource(database).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT increment_id FROM sales_order WHERE entity_id = ?")) {
            select.setLong(1, entityId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return placedEventId(rows.getString(1), entityId);
            }
        }
    }

    private static String placedEventId(String incrementId, long entityId) {
        return EventIds.deterministic("commerce-order", incrementId, OrderChangeKind.PLACED.code(),
                String.valueOf(entityId));
    }

    @Override
    public void close() {
        server.dropDatabase(database);
    }
}

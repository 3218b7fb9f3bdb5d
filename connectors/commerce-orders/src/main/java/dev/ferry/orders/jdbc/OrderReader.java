package dev.ferry.orders.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Reads one order and the rows of a change (invoice, shipment and its tracks, credit memo), read-only. */
public final class OrderReader {

    private OrderReader() {
    }

    public static OrderSnapshot order(Connection connection, long orderId) throws SQLException {
        List<Map<String, Object>> orders = OrderRows.select(connection,
                "SELECT * FROM sales_order WHERE entity_id = ?", orderId);
        if (orders.isEmpty()) {
            throw new SQLException("no sales_order has entity_id " + orderId);
        }
        Map<String, Object> order = orders.get(0);
        List<Map<String, Object>> items = OrderRows.select(connection,
                "SELECT * FROM sales_order_item WHERE order_id = ? ORDER BY item_id", orderId);
        List<Map<String, Object>> addresses = OrderRows.select(connection,
                "SELECT * FROM sales_order_address WHERE parent_id = ? ORDER BY entity_id", orderId);
        List<Map<String, Object>> payments = OrderRows.select(connection,
                "SELECT * FROM sales_order_payment WHERE parent_id = ? ORDER BY entity_id", orderId);
        List<Map<String, Object>> scopes = OrderRows.select(connection,
                "SELECT s.code AS store_view_code, g.code AS store_code, w.code AS website_code FROM store s"
                        + " LEFT JOIN store_group g ON g.group_id = s.group_id"
                        + " LEFT JOIN store_website w ON w.website_id = s.website_id WHERE s.store_id = ?",
                order.get("store_id"));
        return new OrderSnapshot(order, items, addresses, payments, scopes.isEmpty() ? Map.of() : scopes.get(0));
    }

    public static Map<String, Object> row(Connection connection, String table, long entityId) throws SQLException {
        List<Map<String, Object>> rows = OrderRows.select(connection,
                "SELECT * FROM " + table + " WHERE entity_id = ?", entityId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public static List<Map<String, Object>> tracks(Connection connection, long shipmentId) throws SQLException {
        return OrderRows.select(connection,
                "SELECT * FROM sales_shipment_track WHERE parent_id = ? ORDER BY entity_id", shipmentId);
    }
}

package dev.ferry.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rows back from the database, an order locked for the business change about to be made to it. */
final class StoredRows {

    private StoredRows() {
    }

    static SalesOrder order(Connection connection, long orderId) throws SQLException {
        List<Row> orders = select(connection, CommerceTable.SALES_ORDER,
                "SELECT * FROM sales_order WHERE entity_id = ? FOR UPDATE", orderId);
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("No sales_order has entity_id " + orderId);
        }
        List<Row> items = select(connection, CommerceTable.SALES_ORDER_ITEM,
                "SELECT * FROM sales_order_item WHERE order_id = ? ORDER BY item_id", orderId);
        Row payment = select(connection, CommerceTable.SALES_ORDER_PAYMENT,
                "SELECT * FROM sales_order_payment WHERE parent_id = ? ORDER BY entity_id", orderId).get(0);
        List<Row> addresses = select(connection, CommerceTable.SALES_ORDER_ADDRESS,
                "SELECT * FROM sales_order_address WHERE parent_id = ? ORDER BY entity_id", orderId);
        List<Row> invoices = select(connection, CommerceTable.SALES_INVOICE,
                "SELECT entity_id FROM sales_invoice WHERE order_id = ? ORDER BY entity_id DESC LIMIT 1", orderId);
        return new SalesOrder(orders.get(0), items, payment, address(addresses, "billing"),
                address(addresses, "shipping"), invoices.isEmpty() ? null : invoices.get(0).id());
    }

    /** The rows a query returns, one parameter bound. */
    static List<Row> select(Connection connection, CommerceTable table, String sql, Object parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.put(columns.getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(Row.stored(table, values));
                }
                return rows;
            }
        }
    }

    private static Row address(List<Row> addresses, String type) {
        return addresses.stream()
                .filter(address -> type.equals(address.string("address_type")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The order has no " + type + " address"));
    }
}

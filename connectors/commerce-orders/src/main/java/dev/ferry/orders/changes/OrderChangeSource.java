package dev.ferry.orders.changes;

import dev.ferry.core.sales.OrderChangeKind;
import java.util.Set;

/** The table columns that show changes, each with its own watermark, and the query that reads them. */
public enum OrderChangeSource {
    ORDER_CREATED("sales_order.created_at",
            "SELECT o.entity_id AS order_id, o.increment_id, o.store_id, o.entity_id AS sub_id, NULL AS state,"
                    + " o.created_at AS changed_at FROM sales_order o WHERE o.created_at >= ?"
                    + " ORDER BY o.created_at, o.entity_id", Set.of(OrderChangeKind.PLACED)),
    ORDER_UPDATED("sales_order.updated_at",
            "SELECT o.entity_id AS order_id, o.increment_id, o.store_id, o.entity_id AS sub_id, o.state,"
                    + " o.updated_at AS changed_at FROM sales_order o WHERE o.updated_at >= ?"
                    + " AND o.state IN ('canceled', 'complete') ORDER BY o.updated_at, o.entity_id",
            Set.of(OrderChangeKind.CANCELLED, OrderChangeKind.COMPLETED)),
    INVOICE_CREATED("sales_invoice.created_at", child("sales_invoice"), Set.of(OrderChangeKind.INVOICED)),
    SHIPMENT_CREATED("sales_shipment.created_at", child("sales_shipment"), Set.of(OrderChangeKind.SHIPPED)),
    CREDITMEMO_CREATED("sales_creditmemo.created_at", child("sales_creditmemo"), Set.of(OrderChangeKind.CREDIT_MEMO));

    private final String checkpointName;
    private final String sql;
    private final Set<OrderChangeKind> kinds;

    OrderChangeSource(String checkpointName, String sql, Set<OrderChangeKind> kinds) {
        this.checkpointName = checkpointName;
        this.sql = sql;
        this.kinds = kinds;
    }

    private static String child(String table) {
        return "SELECT c.order_id, o.increment_id, o.store_id, c.entity_id AS sub_id, NULL AS state,"
                + " c.created_at AS changed_at FROM " + table + " c JOIN sales_order o ON o.entity_id = c.order_id"
                + " WHERE c.created_at >= ? ORDER BY c.created_at, c.entity_id";
    }

    public String checkpointName() {
        return checkpointName;
    }

    public String sql() {
        return sql;
    }

    public Set<OrderChangeKind> kinds() {
        return kinds;
    }

    public static OrderChangeSource of(OrderChangeKind kind) {
        for (OrderChangeSource source : values()) {
            if (source.kinds.contains(kind)) {
                return source;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }
}

package dev.ferry.orders.changes;

import dev.ferry.core.sales.OrderChangeKind;
import java.util.Set;

/**
 * The table columns that show changes, each with its own watermark, and the two queries that read them in the order
 * of (time column, entity_id): Magento indexes each time column, and InnoDB's secondary index holds the primary key,
 * so both are range reads of that index with no sort.
 */
public enum OrderChangeSource {
    ORDER_CREATED("sales_order.created_at",
            "SELECT o.entity_id AS order_id, o.increment_id, o.store_id, o.entity_id AS sub_id, NULL AS state,"
                    + " o.created_at AS changed_at FROM sales_order o WHERE ",
            "o.created_at", "o.entity_id", "", Set.of(OrderChangeKind.PLACED)),
    ORDER_UPDATED("sales_order.updated_at",
            "SELECT o.entity_id AS order_id, o.increment_id, o.store_id, o.entity_id AS sub_id, o.state,"
                    + " o.updated_at AS changed_at FROM sales_order o WHERE ",
            "o.updated_at", "o.entity_id", " AND o.state IN ('canceled', 'complete')",
            Set.of(OrderChangeKind.CANCELLED, OrderChangeKind.COMPLETED)),
    INVOICE_CREATED("sales_invoice.created_at", child("sales_invoice"), "c.created_at", "c.entity_id", "",
            Set.of(OrderChangeKind.INVOICED)),
    SHIPMENT_CREATED("sales_shipment.created_at", child("sales_shipment"), "c.created_at", "c.entity_id", "",
            Set.of(OrderChangeKind.SHIPPED)),
    CREDITMEMO_CREATED("sales_creditmemo.created_at", child("sales_creditmemo"), "c.created_at", "c.entity_id", "",
            Set.of(OrderChangeKind.CREDIT_MEMO));

    private final String checkpointName;
    private final String select;
    private final String time;
    private final String id;
    private final String condition;
    private final Set<OrderChangeKind> kinds;

    OrderChangeSource(String checkpointName, String select, String time, String id, String condition,
                      Set<OrderChangeKind> kinds) {
        this.checkpointName = checkpointName;
        this.select = select;
        this.time = time;
        this.id = id;
        this.condition = condition;
        this.kinds = kinds;
    }

    private static String child(String table) {
        return "SELECT c.order_id, o.increment_id, o.store_id, c.entity_id AS sub_id, NULL AS state,"
                + " c.created_at AS changed_at FROM " + table + " c JOIN sales_order o ON o.entity_id = c.order_id"
                + " WHERE ";
    }

    public String checkpointName() {
        return checkpointName;
    }

    /**
     * The rows after a position up to a time, the oldest first, at most as many as the last parameter says.
     * Parameters: the position's time (twice), its id, the latest time, the limit.
     */
    public String sqlAfter() {
        return select + time + " >= ? AND (" + time + " > ? OR " + id + " > ?) AND " + time + " <= ?" + condition
                + " ORDER BY " + time + ", " + id + " LIMIT ?";
    }

    /**
     * The rows from a time up to and including a position: what the overlap window re-reads for late commits,
     * leaving out the id ranges already seen. Parameters: the window's start, the position's time (twice), its id,
     * then the first and last id of each left-out range.
     */
    public String sqlUpTo(int leftOutRanges) {
        StringBuilder sql = new StringBuilder(select).append(time).append(" >= ? AND ").append(time)
                .append(" <= ? AND (").append(time).append(" < ? OR ").append(id).append(" <= ?)").append(condition);
        for (int i = 0; i < leftOutRanges; i++) {
            sql.append(" AND ").append(id).append(" NOT BETWEEN ? AND ?");
        }
        return sql.toString();
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

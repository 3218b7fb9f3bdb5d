package dev.ferry.core.sales;

import java.time.Instant;

/**
 * One detected business change: its kind, the sales_order it belongs to, the row that shows it (the invoice,
 * shipment or credit memo entity_id; the order's own for placed, cancelled and completed) and that row's time.
 */
public record OrderChange(OrderChangeKind kind, long orderId, String incrementId, long subEntityId, Instant time) {

    /** The key that identifies this change across polls: it is also what the event's _id is derived from. */
    public String key() {
        return kind.code() + ":" + subEntityId;
    }
}

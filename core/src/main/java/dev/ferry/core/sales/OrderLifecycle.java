package dev.ferry.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every business change an order went through, read from its rows as they stand: placed at created_at, one change
 * per invoice, shipment and credit memo at its own created_at, and cancelled or completed at updated_at when the
 * order is in that state. These are the changes the order poller emits one by one as they happen, with the same
 * keys, so an export of history and the live poller produce the same events.
 */
public final class OrderLifecycle {

    private OrderLifecycle() {
    }

    /** The order's changes of the given kinds that happened before {@code until}, oldest first. */
    public static List<OrderChange> changes(SalesOrder order, Set<OrderChangeKind> kinds, Instant until) {
        String incrementId = String.valueOf(order.order().get("increment_id"));
        long orderId = order.id();
        List<OrderChange> changes = new ArrayList<>();
        add(changes, kinds, until, new OrderChange(OrderChangeKind.PLACED, orderId, incrementId, orderId,
                time(order.order().get("created_at"))));
        for (SalesDocument invoice : order.invoices()) {
            add(changes, kinds, until, document(OrderChangeKind.INVOICED, orderId, incrementId, invoice));
        }
        for (SalesDocument shipment : order.shipments()) {
            add(changes, kinds, until, document(OrderChangeKind.SHIPPED, orderId, incrementId, shipment));
        }
        for (SalesDocument creditMemo : order.creditMemos()) {
            add(changes, kinds, until, document(OrderChangeKind.CREDIT_MEMO, orderId, incrementId, creditMemo));
        }
        Object state = order.order().get("state");
        OrderChangeKind terminal = "canceled".equals(state) ? OrderChangeKind.CANCELLED
                : "complete".equals(state) ? OrderChangeKind.COMPLETED : null;
        if (terminal != null) {
            add(changes, kinds, until, new OrderChange(terminal, orderId, incrementId, orderId,
                    time(order.order().get("updated_at"))));
        }
        changes.sort(Comparator.comparing(OrderChange::time).thenComparing(OrderChange::kind)
                .thenComparingLong(OrderChange::subEntityId));
        return changes;
    }

    private static OrderChange document(OrderChangeKind kind, long orderId, String incrementId, SalesDocument row) {
        return new OrderChange(kind, orderId, incrementId, row.id(), time(row.row().get("created_at")));
    }

    private static void add(List<OrderChange> changes, Set<OrderChangeKind> kinds, Instant until, OrderChange change) {
        if (kinds.contains(change.kind()) && change.time() != null && change.time().isBefore(until)) {
            changes.add(change);
        }
    }

    private static Instant time(Object value) {
        return value instanceof Instant instant ? instant : null;
    }
}

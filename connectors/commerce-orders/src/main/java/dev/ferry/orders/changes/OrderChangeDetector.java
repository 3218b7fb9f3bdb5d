package dev.ferry.orders.changes;

import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.sales.SalesRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the changes since the watermarks, reading each table by its own time column from
 * {@code max(floor, watermark - overlap)}, so a transaction that commits late (or a clock a little behind) is still
 * seen; what the overlap re-reads is dropped by key. Cancelled and completed are terminal, once per order: besides
 * the overlap set, a checkpoint {@code <prefix>.done.<kind>.<order>} remembers them for good.
 */
public final class OrderChangeDetector {

    private final Duration overlap;
    private final Set<OrderChangeKind> events;
    private final Set<Long> storeIds;

    /** @param storeIds the store_ids in scope, or null for every store */
    public OrderChangeDetector(Duration overlap, Set<OrderChangeKind> events, Set<Long> storeIds) {
        this.overlap = overlap;
        this.events = events;
        this.storeIds = storeIds;
    }

    /** What one poll found, and the watermarks to adopt once its events are committed. */
    public record Detection(List<OrderChange> changes, OrderWatermarks next) {
    }

    public Detection detect(Connection connection, OrderWatermarks current, String prefix,
                            Function<String, Optional<String>> checkpoints) throws SQLException {
        List<OrderChange> changes = new ArrayList<>();
        Map<OrderChangeSource, Instant> marks = new EnumMap<>(OrderChangeSource.class);
        Map<String, Instant> recent = new HashMap<>(current.recent());
        for (OrderChangeSource source : OrderChangeSource.values()) {
            Instant mark = current.mark(source);
            Instant from = mark.minus(overlap);
            if (from.isBefore(current.floor())) {
                from = current.floor();
            }
            Instant newest = mark;
            for (Map<String, Object> row : SalesRows.select(connection, source.sql(), from)) {
                Instant time = (Instant) row.get("changed_at");
                if (time.isAfter(newest)) {
                    newest = time;
                }
                OrderChangeKind kind = kindOf(source, row);
                if (kind == null || !events.contains(kind) || !inScope(row.get("store_id"))) {
                    continue;
                }
                long orderId = ((Number) row.get("order_id")).longValue();
                OrderChange change = new OrderChange(kind, orderId, (String) row.get("increment_id"),
                        ((Number) row.get("sub_id")).longValue(), time);
                if (recent.containsKey(change.key())) {
                    continue;
                }
                if (source == OrderChangeSource.ORDER_UPDATED
                        && checkpoints.apply(doneKey(prefix, kind, orderId)).isPresent()) {
                    continue;
                }
                recent.put(change.key(), time);
                changes.add(change);
            }
            marks.put(source, newest);
        }
        recent.entrySet().removeIf(entry -> {
            OrderChangeKind kind = OrderChangeKind.byCode(entry.getKey().substring(0, entry.getKey().indexOf(':')));
            return entry.getValue().isBefore(marks.get(OrderChangeSource.of(kind)).minus(overlap));
        });
        changes.sort(Comparator.comparing(OrderChange::time).thenComparing(OrderChange::kind)
                .thenComparingLong(OrderChange::subEntityId));
        return new Detection(changes, new OrderWatermarks(current.floor(), marks, recent));
    }

    /** The checkpoint that marks a terminal change (cancelled, completed) of an order as sent for good. */
    public static String doneKey(String prefix, OrderChangeKind kind, long orderId) {
        return prefix + ".done." + kind.code() + "." + orderId;
    }

    private boolean inScope(Object storeId) {
        return storeIds == null || (storeId != null && storeIds.contains(((Number) storeId).longValue()));
    }

    private static OrderChangeKind kindOf(OrderChangeSource source, Map<String, Object> row) {
        if (source != OrderChangeSource.ORDER_UPDATED) {
            return source.kinds().iterator().next();
        }
        Object state = row.get("state");
        if ("canceled".equals(state)) {
            return OrderChangeKind.CANCELLED;
        }
        return "complete".equals(state) ? OrderChangeKind.COMPLETED : null;
    }
}

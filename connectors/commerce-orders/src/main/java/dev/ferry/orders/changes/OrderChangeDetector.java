package dev.ferry.orders.changes;

import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.sales.SalesRows;
import dev.ferry.orders.changes.OrderWatermarks.Position;
import dev.ferry.orders.changes.OrderWatermarks.SeenRange;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds the changes since the watermarks. Each table column is read from its position, in (time, entity_id) order,
 * at most {@code maxChanges} rows a poll; of all the sources' rows, the oldest {@code maxChanges} are taken and each
 * source's position moves to the last of its rows taken, so a capped poll resumes exactly where it stopped, even
 * among many rows of one second. Each column is also re-read from {@code max(floor, position - overlap)} up to its
 * position, so a transaction that commits late (or a clock a little behind) is still seen; what that re-reads is
 * dropped by key, and the id ranges already seen are left out of the query itself. Cancelled and completed are
 * terminal, once per order: besides the overlap set, a checkpoint {@code <prefix>.done.<kind>.<order>} remembers
 * them for good.
 */
public final class OrderChangeDetector {

    /** At most this many seen id ranges are left out of one re-read query; the rest are dropped by key. */
    private static final int MAX_LEFT_OUT_RANGES = 50;

    /** No bound: the latest time a DATETIME column holds. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Duration overlap;
    private final Set<OrderChangeKind> events;
    private final Set<Long> storeIds;
    private final int maxChanges;

    /**
     * @param storeIds   the store_ids in scope, or null for every store
     * @param maxChanges the most rows a poll takes after the positions (late commits in the window come on top)
     */
    public OrderChangeDetector(Duration overlap, Set<OrderChangeKind> events, Set<Long> storeIds, int maxChanges) {
        this.overlap = overlap;
        this.events = events;
        this.storeIds = storeIds;
        this.maxChanges = maxChanges;
    }

    /**
     * What one poll found, and the watermarks to adopt once its events are committed.
     *
     * @param capped whether rows were left for the next poll because of the cap
     */
    public record Detection(List<OrderChange> changes, OrderWatermarks next, boolean capped) {
    }

    /** One row read by a source's query. */
    private record Row(OrderChangeSource source, Map<String, Object> values, Instant time, long id) {
    }

    private static final Comparator<Row> READ_ORDER = Comparator.comparing(Row::time)
            .thenComparing(Row::source).thenComparingLong(Row::id);

    public Detection detect(Connection connection, OrderWatermarks current, String prefix,
                            Function<String, Optional<String>> checkpoints) throws SQLException {
        List<Row> late = new ArrayList<>();
        List<Row> ahead = new ArrayList<>();
        boolean capped = false;
        Instant cut = LATEST;
        Map<OrderChangeKind, List<SeenRange>> seenByKind = current.seenRanges();
        for (OrderChangeSource source : OrderChangeSource.values()) {
            Position position = current.position(source);
            Instant from = position.time().minus(overlap);
            if (from.isBefore(current.floor())) {
                from = current.floor();
            }
            List<SeenRange> skipped = leftOut(seenByKind, source);
            List<Object> parameters = new ArrayList<>(List.of(from, position.time(), position.time(), position.id()));
            skipped.forEach(range -> parameters.addAll(List.of(range.first(), range.last())));
            for (Map<String, Object> values : SalesRows.select(connection, source.sqlUpTo(skipped.size()),
                    parameters.toArray())) {
                late.add(row(source, values));
            }
            List<Map<String, Object>> after = SalesRows.select(connection, source.sqlAfter(), position.time(),
                    position.time(), position.id(), cut, maxChanges);
            if (after.size() == maxChanges) {
                // A full source ends the poll's cut: nothing later than its last row can be taken from the others.
                capped = true;
                cut = (Instant) after.get(after.size() - 1).get("changed_at");
            }
            after.forEach(values -> ahead.add(row(source, values)));
        }
        // The oldest maxChanges rows of all sources: a cut in time, so no source runs ahead of the others.
        ahead.sort(READ_ORDER);
        if (ahead.size() > maxChanges) {
            ahead.subList(maxChanges, ahead.size()).clear();
            capped = true;
        }
        Map<OrderChangeSource, Position> positions = new EnumMap<>(OrderChangeSource.class);
        positions.putAll(current.positions());
        ahead.forEach(row -> positions.put(row.source(), new Position(row.time(), row.id())));

        List<OrderChange> changes = new ArrayList<>();
        Map<OrderChangeKind, NavigableMap<Long, Instant>> seen = new EnumMap<>(OrderChangeKind.class);
        current.seen().forEach((kind, ids) -> seen.put(kind, new TreeMap<>(ids)));
        for (List<Row> rows : List.of(late, ahead)) {
            for (Row row : rows) {
                OrderChange change = change(row, seen, prefix, checkpoints);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        seen.forEach((kind, ids) -> {
            Position position = positions.get(OrderChangeSource.of(kind));
            Instant windowStart = (position == null ? current.floor() : position.time()).minus(overlap);
            ids.values().removeIf(time -> time.isBefore(windowStart));
        });
        seen.values().removeIf(Map::isEmpty);
        changes.sort(Comparator.comparing(OrderChange::time).thenComparing(OrderChange::kind)
                .thenComparingLong(OrderChange::subEntityId));
        return new Detection(changes, new OrderWatermarks(current.floor(), positions, seen), capped);
    }

    /**
     * The change a row shows, or null when it is not one to send: seen before, out of scope, an event not asked
     * for, or a terminal change already sent. Every row read is remembered as seen, sent or not, so the window's
     * re-read leaves it out and the seen ids stay in few ranges.
     */
    private OrderChange change(Row row, Map<OrderChangeKind, NavigableMap<Long, Instant>> seen, String prefix,
                               Function<String, Optional<String>> checkpoints) {
        OrderChangeKind kind = kindOf(row.source(), row.values());
        if (seen.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(row.id(), row.time()) != null) {
            return null;
        }
        long orderId = ((Number) row.values().get("order_id")).longValue();
        OrderChange change = new OrderChange(kind, orderId, (String) row.values().get("increment_id"), row.id(),
                row.time());
        if (!events.contains(kind) || !inScope(row.values().get("store_id"))) {
            return null;
        }
        if (row.source() == OrderChangeSource.ORDER_UPDATED
                && checkpoints.apply(doneKey(prefix, kind, orderId)).isPresent()) {
            return null;
        }
        return change;
    }

    private static Row row(OrderChangeSource source, Map<String, Object> values) {
        return new Row(source, values, (Instant) values.get("changed_at"), ((Number) values.get("sub_id")).longValue());
    }

    /** The largest runs of ids the source has seen in the window, to leave out of its re-read. */
    private static List<SeenRange> leftOut(Map<OrderChangeKind, List<SeenRange>> seen, OrderChangeSource source) {
        List<SeenRange> ranges = new ArrayList<>();
        source.kinds().forEach(kind -> ranges.addAll(seen.getOrDefault(kind, List.of())));
        if (ranges.size() > MAX_LEFT_OUT_RANGES) {
            ranges.sort(Comparator.comparingLong((SeenRange range) -> range.last() - range.first()).reversed());
            return ranges.subList(0, MAX_LEFT_OUT_RANGES);
        }
        return ranges;
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
        return "canceled".equals(row.get("state")) ? OrderChangeKind.CANCELLED : OrderChangeKind.COMPLETED;
    }
}

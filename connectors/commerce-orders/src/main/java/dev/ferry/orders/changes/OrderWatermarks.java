package dev.ferry.orders.changes;

import dev.ferry.core.sales.OrderChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the detector stands: the floor (the installation's start point; nothing older is ever sent), one position
 * per table column (the time and entity_id of the last row read, so a poll that stops at its cap resumes exactly
 * there even inside one second), and the changes already seen inside the overlap window (per kind, sub-entity id to
 * time), so re-reading the window never emits twice. Saved as checkpoints named {@code <prefix>.<part>}.
 *
 * <p>The seen maps are wrapped read-only, not copied (after a burst they hold every change of the window, and a
 * poll makes one new set of watermarks): whoever builds watermarks hands over maps it no longer changes.
 */
public record OrderWatermarks(Instant floor, Map<OrderChangeSource, Position> positions,
                              Map<OrderChangeKind, NavigableMap<Long, Instant>> seen) {

    /**
     * The last row read of one source: every row before it in (time, id) order has been read. A position saved by
     * an older Ferry, a time alone, had read every row of that second: its id is {@link Long#MAX_VALUE}.
     */
    public record Position(Instant time, long id) {

        static Position parse(String text) {
            int hash = text.indexOf('#');
            return hash < 0 ? new Position(Instant.parse(text), Long.MAX_VALUE)
                    : new Position(Instant.parse(text.substring(0, hash)), Long.parseLong(text.substring(hash + 1)));
        }

        @Override
        public String toString() {
            return time + "#" + id;
        }
    }

    public OrderWatermarks {
        positions = Map.copyOf(positions);
        Map<OrderChangeKind, NavigableMap<Long, Instant>> readOnly = new EnumMap<>(OrderChangeKind.class);
        seen.forEach((kind, ids) -> readOnly.put(kind, Collections.unmodifiableNavigableMap(ids)));
        seen = Collections.unmodifiableMap(readOnly);
    }

    public static OrderWatermarks startingAt(Instant floor) {
        return new OrderWatermarks(floor, Map.of(), Map.of());
    }

    /** The source's position; before its first row, just before every row of the floor's second. */
    public Position position(OrderChangeSource source) {
        return positions.getOrDefault(source, new Position(floor, Long.MIN_VALUE));
    }

    /**
     * The checkpoints: the floor, each position, and the window's seen changes as runs of consecutive ids per kind
     * ({@code placed:1001-1999@<epoch second of the newest>}), which keeps the value small even after a burst.
     * Cancelled and completed changes are left out: their {@code .done.} checkpoints already remember them for good.
     */
    public Map<String, String> toCheckpoints(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(prefix + ".floor", floor.toString());
        for (OrderChangeSource source : OrderChangeSource.values()) {
            out.put(prefix + "." + source.checkpointName(), position(source).toString());
        }
        StringBuilder text = new StringBuilder();
        Map<OrderChangeKind, List<SeenRange>> seen = seenRanges();
        for (OrderChangeSource source : OrderChangeSource.values()) {
            if (source == OrderChangeSource.ORDER_UPDATED) {
                continue;
            }
            for (OrderChangeKind kind : source.kinds()) {
                for (SeenRange range : seen.getOrDefault(kind, List.of())) {
                    if (text.length() > 0) {
                        text.append(',');
                    }
                    text.append(kind.code()).append(':').append(range.first());
                    if (range.last() != range.first()) {
                        text.append('-').append(range.last());
                    }
                    text.append('@').append(range.newest().getEpochSecond());
                }
            }
        }
        out.put(prefix + ".recent", text.toString());
        return out;
    }

    /** A run of consecutive sub-entity ids of one kind seen in the window, with the newest of their times. */
    public record SeenRange(long first, long last, Instant newest) {
    }

    /** The ids of each kind seen in the window, as runs of consecutive ids, in id order. */
    public Map<OrderChangeKind, List<SeenRange>> seenRanges() {
        Map<OrderChangeKind, List<SeenRange>> ranges = new EnumMap<>(OrderChangeKind.class);
        seen.forEach((kind, ids) -> ranges.put(kind, runs(ids)));
        return ranges;
    }

    /** Whether the window holds this change as seen. */
    public boolean hasSeen(OrderChangeKind kind, long subEntityId) {
        NavigableMap<Long, Instant> ids = seen.get(kind);
        return ids != null && ids.containsKey(subEntityId);
    }

    private static List<SeenRange> runs(NavigableMap<Long, Instant> times) {
        List<SeenRange> ranges = new ArrayList<>();
        SeenRange open = null;
        for (Map.Entry<Long, Instant> entry : times.entrySet()) {
            long id = entry.getKey();
            if (open != null && id == open.last() + 1) {
                Instant newest = entry.getValue().isAfter(open.newest()) ? entry.getValue() : open.newest();
                open = new SeenRange(open.first(), id, newest);
            } else {
                if (open != null) {
                    ranges.add(open);
                }
                open = new SeenRange(id, id, entry.getValue());
            }
        }
        if (open != null) {
            ranges.add(open);
        }
        return ranges;
    }

    /** The watermarks saved under {@code prefix}, or empty when the installation has none yet. */
    public static Optional<OrderWatermarks> fromCheckpoints(String prefix, Function<String, Optional<String>> read) {
        Optional<String> floor = read.apply(prefix + ".floor");
        if (floor.isEmpty()) {
            return Optional.empty();
        }
        Map<OrderChangeSource, Position> positions = new HashMap<>();
        for (OrderChangeSource source : OrderChangeSource.values()) {
            read.apply(prefix + "." + source.checkpointName())
                    .ifPresent(v -> positions.put(source, Position.parse(v)));
        }
        Map<OrderChangeKind, NavigableMap<Long, Instant>> seen = new EnumMap<>(OrderChangeKind.class);
        read.apply(prefix + ".recent").filter(v -> !v.isBlank()).ifPresent(v -> {
            for (String entry : v.split(",")) {
                int colon = entry.indexOf(':');
                int at = entry.lastIndexOf('@');
                String ids = entry.substring(colon + 1, at);
                int dash = ids.indexOf('-');
                long first = Long.parseLong(dash < 0 ? ids : ids.substring(0, dash));
                long last = dash < 0 ? first : Long.parseLong(ids.substring(dash + 1));
                Instant time = Instant.ofEpochSecond(Long.parseLong(entry.substring(at + 1)));
                NavigableMap<Long, Instant> kindIds = seen.computeIfAbsent(
                        OrderChangeKind.byCode(entry.substring(0, colon)), kind -> new TreeMap<>());
                for (long id = first; id <= last; id++) {
                    kindIds.put(id, time);
                }
            }
        });
        return Optional.of(new OrderWatermarks(Instant.parse(floor.get()), positions, seen));
    }
}

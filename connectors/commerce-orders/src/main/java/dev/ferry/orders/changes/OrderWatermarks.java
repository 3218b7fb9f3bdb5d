package dev.ferry.orders.changes;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the detector stands: the floor (the installation's start point; nothing older is ever sent), one UTC
 * watermark per table column, and the changes already emitted inside the overlap window (key to time), so re-reading
 * the window never emits twice. Immutable; saved as checkpoints named {@code <prefix>.<part>}.
 */
public record OrderWatermarks(Instant floor, Map<OrderChangeSource, Instant> marks, Map<String, Instant> recent) {

    public OrderWatermarks {
        marks = Map.copyOf(marks);
        recent = Map.copyOf(recent);
    }

    public static OrderWatermarks startingAt(Instant floor) {
        return new OrderWatermarks(floor, Map.of(), Map.of());
    }

    public Instant mark(OrderChangeSource source) {
        return marks.getOrDefault(source, floor);
    }

    public Map<String, String> toCheckpoints(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(prefix + ".floor", floor.toString());
        for (OrderChangeSource source : OrderChangeSource.values()) {
            out.put(prefix + "." + source.checkpointName(), mark(source).toString());
        }
        StringBuilder recentText = new StringBuilder();
        recent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (recentText.length() > 0) {
                recentText.append(',');
            }
            recentText.append(entry.getKey()).append('@').append(entry.getValue().getEpochSecond());
        });
        out.put(prefix + ".recent", recentText.toString());
        return out;
    }

    /** The watermarks saved under {@code prefix}, or empty when the installation has none yet. */
    public static Optional<OrderWatermarks> fromCheckpoints(String prefix,
                                                            java.util.function.Function<String, Optional<String>> read) {
        Optional<String> floor = read.apply(prefix + ".floor");
        if (floor.isEmpty()) {
            return Optional.empty();
        }
        Map<OrderChangeSource, Instant> marks = new HashMap<>();
        for (OrderChangeSource source : OrderChangeSource.values()) {
            read.apply(prefix + "." + source.checkpointName()).ifPresent(v -> marks.put(source, Instant.parse(v)));
        }
        Map<String, Instant> recent = new HashMap<>();
        read.apply(prefix + ".recent").filter(v -> !v.isBlank()).ifPresent(v -> {
            for (String entry : v.split(",")) {
                int at = entry.lastIndexOf('@');
                recent.put(entry.substring(0, at), Instant.ofEpochSecond(Long.parseLong(entry.substring(at + 1))));
            }
        });
        return Optional.of(new OrderWatermarks(Instant.parse(floor.get()), marks, recent));
    }
}

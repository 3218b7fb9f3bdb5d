package dev.ferry.history.export;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The orders to export: those created (sales_order.created_at, UTC) in {@code [from, to)}, with their changes up
 * to {@code to}. Dates mean midnight UTC.
 */
public record HistoryRange(Instant from, Instant to) {

    /**
     * @throws IllegalArgumentException with a one-line reason: unreadable dates, from not before to, a range that
     *                                  starts in the future
     */
    public static HistoryRange parse(String from, String to, Clock clock) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
        if (start.isAfter(clock.instant())) {
            throw new IllegalArgumentException("--from " + from + " is in the future: there are no orders to export yet");
        }
        return new HistoryRange(start, end);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required (a date such as 2021-01-01, UTC)");
        }
        String text = value.trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' is neither a date (2021-01-01) nor an "
                    + "ISO-8601 instant (2021-01-01T00:00:00Z)");
        }
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}

package dev.ferry.aep.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After}: a number of seconds or an HTTP date (RFC 9110, section 10.2.3). */
public final class AepRetryAfter {

    private AepRetryAfter() {
    }

    public static Optional<Duration> of(AepResponse response, Instant now) {
        return response.header("Retry-After").flatMap(value -> parse(value, now));
    }

    /** The delay asked for, never negative; empty when the value is absent or unreadable. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}

package dev.ferry.aep.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AepRetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void secondsAreReadAsADelay() {
        assertThat(AepRetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(AepRetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(AepRetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsReadAsTheTimeLeftUntilIt() {
        assertThat(AepRetryAfter.parse("Sat, 01 Mar 2025 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
    }

    @Test
    void anHttpDateInThePastMeansNoWait() {
        assertThat(AepRetryAfter.parse("Sat, 01 Mar 2025 09:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableValuesAskForNothing() {
        assertThat(AepRetryAfter.parse(null, NOW)).isEmpty();
        assertThat(AepRetryAfter.parse("", NOW)).isEmpty();
        assertThat(AepRetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(AepRetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(AepRetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}

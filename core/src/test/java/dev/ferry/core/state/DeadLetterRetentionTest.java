package dev.ferry.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.delivery.OutboundEvent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterRetentionTest {

    @Test
    void agesAreDaysHoursOrMinutesAndZeroMeansForever() {
        assertThat(DeadLetterRetention.parseAge("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(DeadLetterRetention.parseAge(" 12h ")).isEqualTo(Duration.ofHours(12));
        assertThat(DeadLetterRetention.parseAge("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DeadLetterRetention.parseAge("0")).isZero();
        assertThatThrownBy(() -> DeadLetterRetention.parseAge("a month"))
                .hasMessage("an age is a number with d, h or m, such as 30d, 12h or 45m, not 'a month'");
    }

    @Test
    void lettersOlderThanTheRetentionArePurgedOnScheduleAndYoungerOnesStay() {
        try (StateDatabase state = StateDatabase.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "",
                "")) {
            state.deadLetters().add("edge", new OutboundEvent("old", "p", "{\"_id\":\"old\"}"), "invalid");
            try (DeadLetterRetention retention = DeadLetterRetention.start(state, Duration.ofMillis(1),
                    Duration.ofMillis(20))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> state.deadLetters().count() == 0);
            }
            state.deadLetters().add("edge", new OutboundEvent("young", "p", "{\"_id\":\"young\"}"), "invalid");
            try (DeadLetterRetention forever = DeadLetterRetention.start(state, Duration.ZERO)) {
                assertThat(forever.purgeNow()).isZero();
            }
            try (DeadLetterRetention month = DeadLetterRetention.start(state, Duration.ofDays(30))) {
                assertThat(month.purgeNow()).isZero();
            }
            assertThat(state.deadLetters().count()).isEqualTo(1);
        }
    }
}

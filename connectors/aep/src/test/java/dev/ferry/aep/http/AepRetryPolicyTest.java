package dev.ferry.aep.http;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AepRetryPolicyTest {

    private final AepRetryPolicy policy = new AepRetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1_000));

    @RepeatedTest(20)
    void backoffDoublesWithEachFailureWithJitterBetweenHalfAndAllOfItsCeiling() {
        assertThat(policy.delay(1, null).toMillis()).isBetween(50L, 100L);
        assertThat(policy.delay(2, null).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delay(3, null).toMillis()).isBetween(200L, 400L);
    }

    @RepeatedTest(20)
    void backoffNeverExceedsMaxBackoff() {
        assertThat(policy.delay(10, null).toMillis()).isBetween(500L, 1_000L);
        assertThat(policy.delay(64, null).toMillis()).isBetween(500L, 1_000L);
    }

    @Test
    void aRetryAfterIsTheMinimumWait() {
        assertThat(policy.delay(1, Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delay(1, Duration.ZERO).toMillis()).isBetween(50L, 100L);
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffIsNotWaitedOut() {
        assertThat(policy.exceedsPatience(Duration.ofSeconds(2))).isTrue();
        assertThat(policy.exceedsPatience(Duration.ofSeconds(1))).isFalse();
        assertThat(policy.exceedsPatience(null)).isFalse();
    }
}

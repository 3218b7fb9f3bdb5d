package dev.ferry.sandbox.faults;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterWatchTest {

    private static final long SECOND = 1_000_000_000L;

    private final RetryAfterWatch watch = new RetryAfterWatch();

    @Test
    void aRequestBeforeItsApisRetryAfterRanOutIsCountedAndOneAfterIsNot() {
        watch.told("EDGE", 0, 2);

        watch.arrived("EDGE", SECOND);
        watch.arrived("EDGE", 2 * SECOND);
        watch.arrived("EDGE", 3 * SECOND);

        assertThat(watch.earlyRequests()).isEqualTo(1);
    }

    @Test
    void anotherApiIsNotHeldByARetryAfterItWasNotGiven() {
        watch.told("EDGE", 0, 2);

        watch.arrived("STREAMING", SECOND);

        assertThat(watch.earlyRequests()).isZero();
    }

    @Test
    void requestsBeforeAnyRetryAfterAreNeverEarly() {
        watch.arrived("EDGE", 0);

        assertThat(watch.earlyRequests()).isZero();
    }
}

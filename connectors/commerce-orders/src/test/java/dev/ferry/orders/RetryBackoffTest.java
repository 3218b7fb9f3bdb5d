package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void theWaitDoublesFromThePollIntervalUpToTheBoundAndASuccessStartsOver() {
        RetryBackoff backoff = new RetryBackoff(2_000, 30_000);
        assertThat(backoff.due(0)).isTrue();

        assertThat(backoff.failed(0)).isEqualTo(2_000);
        assertThat(backoff.due(1_999)).isFalse();
        assertThat(backoff.due(2_000)).isTrue();
        assertThat(backoff.failed(2_000)).isEqualTo(4_000);
        assertThat(backoff.failed(6_000)).isEqualTo(8_000);
        assertThat(backoff.failed(14_000)).isEqualTo(16_000);
        assertThat(backoff.failed(30_000)).isEqualTo(30_000);
        assertThat(backoff.failed(60_000)).isEqualTo(30_000);
        assertThat(backoff.failures()).isEqualTo(6);

        backoff.succeeded();
        assertThat(backoff.due(60_001)).isTrue();
        assertThat(backoff.failed(60_001)).isEqualTo(2_000);
    }
}

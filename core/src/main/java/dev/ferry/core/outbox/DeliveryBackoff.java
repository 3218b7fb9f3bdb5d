package dev.ferry.core.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, so many Ferry nodes recovering together do not hit AEP in step; a delay
 * the server asked for (Retry-After) is honoured as a minimum.
 */
final class DeliveryBackoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    DeliveryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next(Duration serverAsked) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 20));
        failures++;
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        long asked = serverAsked == null ? 0 : serverAsked.toMillis();
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    void reset() {
        failures = 0;
    }
}

package dev.ferry.aep.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently one request is tried: exponential backoff with jitter, so that many Ferry nodes
 * recovering together do not hit AEP in step, and never sooner than AEP's Retry-After.
 */
public record AepRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * The wait after the given number of failed attempts (1 after the first): a random value between half and all
     * of {@code initialBackoff * 2^(failures-1)}, capped at {@code maxBackoff}, and at least what the server asked.
     */
    public Duration delay(int failures, Duration serverAsked) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(failures - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        long asked = serverAsked == null ? 0 : serverAsked.toMillis();
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /**
     * Whether AEP asked for a longer wait than this policy will sit through in one exchange; the events are then
     * handed back with the delay, so a long Retry-After never holds a thread.
     */
    public boolean exceedsPatience(Duration serverAsked) {
        return serverAsked != null && serverAsked.compareTo(maxBackoff) > 0;
    }
}

package dev.ferry.orders;

/**
 * When to try the Commerce database again after a failed read: the wait starts at the poll interval and doubles
 * with each failure in a row, up to a bound, so a database that is down is not hammered and one that comes back is
 * read again within the bound. A success starts over.
 */
final class RetryBackoff {

    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private int failures;
    private long nextAttemptAt;

    RetryBackoff(long firstDelayMillis, long maxDelayMillis) {
        this.firstDelayMillis = Math.max(1, firstDelayMillis);
        this.maxDelayMillis = Math.max(this.firstDelayMillis, maxDelayMillis);
    }

    /** Whether a read may be attempted now. */
    boolean due(long nowMillis) {
        return failures == 0 || nowMillis >= nextAttemptAt;
    }

    /** A read failed at {@code nowMillis}; returns how long the next attempt waits. */
    long failed(long nowMillis) {
        failures++;
        long delay = firstDelayMillis;
        for (int i = 1; i < failures && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, maxDelayMillis);
        nextAttemptAt = nowMillis + delay;
        return delay;
    }

    void succeeded() {
        failures = 0;
    }

    /** Failed reads in a row. */
    int failures() {
        return failures;
    }
}

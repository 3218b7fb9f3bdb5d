package dev.ferry.orders;

import dev.ferry.core.outbox.OutboxFullException;

/**
 * The poller's pause while the outbox it feeds is above its high-water mark: reading the Commerce database then
 * would only make events the outbox refuses. Paused, the poller waits the Retry-After the outbox asked for, then asks
 * again with an empty exchange (which costs the Commerce database nothing) until the outbox accepts.
 */
final class OutboxPause {

    private boolean paused;
    private long askAgainAt;

    boolean paused() {
        return paused;
    }

    /** Whether, paused, it is time to ask the outbox again. */
    boolean askAgain(long nowMillis) {
        return nowMillis >= askAgainAt;
    }

    /**
     * The outbox refused; the poller pauses for the Retry-After it gave, at least one poll interval.
     *
     * @return whether this started the pause (it was not paused already)
     */
    boolean refused(OutboxFullException full, long nowMillis, long pollIntervalMillis) {
        long wait = Math.max(pollIntervalMillis, full.retryAfter().map(java.time.Duration::toMillis).orElse(0L));
        askAgainAt = nowMillis + wait;
        boolean started = !paused;
        paused = true;
        return started;
    }

    void resume() {
        paused = false;
    }
}

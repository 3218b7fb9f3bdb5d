package dev.ferry.storefront.http;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * After the route refused a batch because the outbox is above its high-water mark, the requests of the next second
 * are answered 429 at once, without parsing or mapping their bodies: they would be refused too, and a full outbox
 * (AEP down for long) is when the collector should cost least. The first request after the window goes through to
 * find out whether the outbox has drained.
 */
final class FullOutboxWindow {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private volatile long closesAt;
    private volatile long retryAfterSeconds = -1;

    /** The outbox refused a batch; its Retry-After is what the window's answers carry. */
    void open(long retryAfterSeconds) {
        this.closesAt = System.nanoTime() + WINDOW_NANOS;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The Retry-After to answer with while the window is open; empty when a request should go through. */
    OptionalLong retryAfter() {
        long seconds = retryAfterSeconds;
        if (seconds < 0 || System.nanoTime() - closesAt >= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds);
    }
}

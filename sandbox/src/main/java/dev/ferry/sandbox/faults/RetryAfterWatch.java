package dev.ferry.sandbox.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers, per API a client calls, until when the last {@code Retry-After} asked it to wait, and counts the
 * requests that came sooner: a well-behaved client never sends one (AEP may throttle it harder or drop it).
 * Per API, because a client's Edge and streaming deliveries are independent and each obeys only its own answers.
 */
public final class RetryAfterWatch {

    /** Timer rounding on a busy machine; a retry this close to the deadline is not counted. */
    private static final long SLACK_NANOS = 20_000_000L;

    private final Map<String, Long> notBeforeNanos = new ConcurrentHashMap<>();
    private final LongAdder early = new LongAdder();

    /** A request to the API arrived; counts it when it came before the API's last Retry-After ran out. */
    public void arrived(String api, long nowNanos) {
        Long notBefore = notBeforeNanos.get(api);
        if (notBefore != null && nowNanos - notBefore < -SLACK_NANOS) {
            early.increment();
        }
    }

    /** The API answered with a Retry-After of this many seconds. */
    public void told(String api, long nowNanos, int retryAfterSeconds) {
        notBeforeNanos.put(api, nowNanos + retryAfterSeconds * 1_000_000_000L);
    }

    /** Requests sent before the Retry-After their API had given ran out. */
    public long earlyRequests() {
        return early.sum();
    }
}

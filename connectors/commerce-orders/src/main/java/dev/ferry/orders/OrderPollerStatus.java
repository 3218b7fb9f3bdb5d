package dev.ferry.orders;

import dev.ferry.core.sales.OrderChangeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where one poller stands, for its health check and its meters: what it committed, the oldest change it detected
 * and has not committed yet, whether it can read the Commerce database and whether the outbox made it pause. The
 * poll thread writes; health and metrics read from other threads.
 */
public final class OrderPollerStatus {

    /** One counter per eventType the poller can send, so every series exists from the start, at 0. */
    private final Map<String, LongAdder> committedByType;
    private final LongAdder warnings = new LongAdder();
    private final LongAdder unmappable = new LongAdder();
    private volatile Instant oldestPending;
    private volatile String readProblem;
    private volatile String pausedBecause;

    public OrderPollerStatus() {
        Map<String, LongAdder> byType = new LinkedHashMap<>();
        for (OrderChangeKind kind : OrderChangeKind.values()) {
            byType.put(kind.eventType(), new LongAdder());
        }
        committedByType = Collections.unmodifiableMap(byType);
    }

    /** Changes were detected and are not committed yet; the oldest of them counts for the lag. */
    void pending(Instant oldestChange) {
        Instant oldest = oldestPending;
        if (oldest == null || oldestChange.isBefore(oldest)) {
            oldestPending = oldestChange;
        }
    }

    /**
     * A poll's exchange was committed: everything detected so far is in the outbox (or, unmappable, in the dead
     * letters).
     */
    void committed(Map<String, Integer> eventsByType, long warningsLeftOut, long unmappableChanges) {
        eventsByType.forEach((type, count) -> committedByType.get(type).add(count));
        warnings.add(warningsLeftOut);
        unmappable.add(unmappableChanges);
        oldestPending = null;
    }

    void readFailed(String reason) {
        readProblem = reason;
    }

    void readSucceeded() {
        readProblem = null;
    }

    void paused(String reason) {
        pausedBecause = reason;
    }

    void resumed() {
        pausedBecause = null;
    }

    /** Age of the oldest change detected but not yet committed; zero when none waits. */
    public Duration lag(Instant now) {
        Instant oldest = oldestPending;
        return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
    }

    /** Committed events per XDM eventType since start. */
    public Map<String, LongAdder> committedByType() {
        return committedByType;
    }

    /** Values left out of committed events because Magento would never write them. */
    public LongAdder warnings() {
        return warnings;
    }

    /** Changes that could not be mapped at all: written to the dead letters and skipped. */
    public LongAdder unmappable() {
        return unmappable;
    }

    /** Why the last attempt to read the Commerce database failed; null when it worked. */
    public String readProblem() {
        return readProblem;
    }

    /** Why the poller is paused (the outbox is above its high-water mark); null when it polls. */
    public String pausedBecause() {
        return pausedBecause;
    }
}

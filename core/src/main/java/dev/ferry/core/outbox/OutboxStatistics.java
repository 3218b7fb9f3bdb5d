package dev.ferry.core.outbox;

import java.util.concurrent.atomic.LongAdder;

/** Counts of what a channel's consumer settled, read by health and metrics. */
final class OutboxStatistics {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder failedDeliveries = new LongAdder();

    void settled(int deliveredCount, int rejectedCount) {
        delivered.add(deliveredCount);
        deadLettered.add(rejectedCount);
    }

    void failed() {
        failedDeliveries.increment();
    }

    long delivered() {
        return delivered.sum();
    }

    long deadLettered() {
        return deadLettered.sum();
    }

    long failedDeliveries() {
        return failedDeliveries.sum();
    }
}

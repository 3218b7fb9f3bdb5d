package dev.ferry.core.outbox;

import dev.ferry.core.state.Outbox;
import dev.ferry.core.state.StateDatabase;

/**
 * A channel's backlog as producers see it: counted in the database at most once per interval and advanced by
 * what this producer appends in between, so checking the high-water mark costs no query per request.
 */
final class BacklogGauge {

    private static final long RECOUNT_MILLIS = 1_000;

    private final String channel;
    private long events;
    private long bytes;
    private long countedAt;

    BacklogGauge(String channel) {
        this.channel = channel;
    }

    synchronized Outbox.Backlog current(StateDatabase database) {
        long now = System.currentTimeMillis();
        if (now - countedAt >= RECOUNT_MILLIS) {
            Outbox.Backlog counted = database.outbox().backlog(channel);
            events = counted.events();
            bytes = counted.bytes();
            countedAt = now;
        }
        return new Outbox.Backlog(events, bytes, null);
    }

    synchronized void appended(int count, long size) {
        events += count;
        bytes += size;
    }
}

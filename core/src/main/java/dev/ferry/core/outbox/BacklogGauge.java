package dev.ferry.core.outbox;

import dev.ferry.core.state.Outbox;
import dev.ferry.core.state.StateDatabase;

import java.util.concurrent.Executor;

/**
 * A channel's backlog as producers see it: counted in the database at most once per interval and advanced by
 * what this producer appends in between, so checking the high-water mark costs no query per request. Only the
 * first check waits for a count; later recounts run in the background while requests go on with the last figure,
 * because a count reads the whole backlog (hundreds of milliseconds for a large one) and no request should stall
 * behind it.
 */
final class BacklogGauge {

    private static final long RECOUNT_MILLIS = 1_000;
    /** A recount waits at least this many times its predecessor's duration, so counting stays a small load. */
    private static final int RECOUNT_SPACING = 10;

    private final String channel;
    private boolean counted;
    private boolean recounting;
    private long countedAt;
    private long lastCountMillis;
    private long events;
    private long bytes;
    /** What was appended since the running recount started, which its figure may not include. */
    private long eventsSinceRecount;
    private long bytesSinceRecount;

    BacklogGauge(String channel) {
        this.channel = channel;
    }

    /** The backlog as last counted plus what was appended since; starts a recount on the executor when due. */
    Outbox.Backlog current(StateDatabase database, Executor recounter) {
        synchronized (this) {
            if (counted) {
                long interval = Math.max(RECOUNT_MILLIS, RECOUNT_SPACING * lastCountMillis);
                if (!recounting && System.currentTimeMillis() - countedAt >= interval) {
                    startRecount();
                    recounter.execute(() -> recount(database));
                }
                return new Outbox.Backlog(events, bytes, null);
            }
        }
        Outbox.Backlog first = database.outbox().backlog(channel);
        synchronized (this) {
            if (!counted) {
                counted = true;
                countedAt = System.currentTimeMillis();
                events = first.events();
                bytes = first.bytes();
            }
            return new Outbox.Backlog(events, bytes, null);
        }
    }

    synchronized void appended(int count, long size) {
        events += count;
        bytes += size;
        eventsSinceRecount += count;
        bytesSinceRecount += size;
    }

    private void startRecount() {
        recounting = true;
        eventsSinceRecount = 0;
        bytesSinceRecount = 0;
    }

    private void recount(StateDatabase database) {
        Outbox.Backlog fresh = null;
        long started = System.currentTimeMillis();
        try {
            fresh = database.outbox().backlog(channel);
        } finally {
            synchronized (this) {
                recounting = false;
                countedAt = System.currentTimeMillis();
                lastCountMillis = countedAt - started;
                if (fresh != null) {
                    // Appends committed while the count ran may be counted twice: an overestimate by at most the
                    // appends of one count's duration, never an underestimate.
                    events = fresh.events() + eventsSinceRecount;
                    bytes = fresh.bytes() + bytesSinceRecount;
                }
            }
        }
    }
}

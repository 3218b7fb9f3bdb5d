package dev.ferry.history;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exports running in this Camel context, by name: one run per name at a time, because runs of one name share
 * a checkpoint and its files, and two of them would send the same orders twice.
 */
final class RunningExports {

    private final Map<String, Instant> running = new ConcurrentHashMap<>();

    /** @throws HistoryAlreadyRunning when an export of this name is running */
    Run start(String name) {
        Instant started = Instant.now();
        Instant already = running.putIfAbsent(name, started);
        if (already != null) {
            throw new HistoryAlreadyRunning(name, already);
        }
        return () -> running.remove(name, started);
    }

    /** A run in progress; closing it lets the next one start. */
    interface Run extends AutoCloseable {
        @Override
        void close();
    }
}

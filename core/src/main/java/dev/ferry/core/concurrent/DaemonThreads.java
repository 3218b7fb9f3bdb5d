package dev.ferry.core.concurrent;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for Ferry's background work (readers, renewers, retention): named for thread dumps and logs, and daemons,
 * so a forgotten one never keeps a JVM from exiting after Ferry's own shutdown has run.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Makes daemon threads that all carry {@code name}. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

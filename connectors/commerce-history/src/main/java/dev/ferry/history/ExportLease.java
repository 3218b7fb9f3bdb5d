package dev.ferry.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.state.StateException;
import dev.ferry.history.export.HistoryStopped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per export name among every process that shares the state database (the CLI and a running Ferry, two
 * hosts): runs of one name share a checkpoint and its files, and two at once would send the same orders twice. The
 * run holds a lease in the state database and renews it while it lasts. A lease counts as abandoned once it went
 * unrenewed for {@link #TIMEOUT}, or at once when it names a process of this host that is gone, so a resume right
 * after a {@code kill -9} is not kept waiting. A run whose lease was taken over meanwhile stops at its next checkpoint
 * ({@link #confirm}).
 */
final class ExportLease implements AutoCloseable {

    /** How long an unrenewed lease of another host keeps others out: far above a renewal, a GC pause or a blip. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final Duration RENEWAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ExportLease.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lease, and since when; what the state database keeps under the lease's name. */
    record Holder(String host, long pid, long since, long renewed) {

        /** This process, as of {@code now}. */
        static Holder self(Instant now) {
            return new Holder(hostName(), ProcessHandle.current().pid(), now.toEpochMilli(), now.toEpochMilli());
        }

        boolean abandoned(Holder claimant, Instant now) {
            boolean goneHere = host.equals(claimant.host) && pid != claimant.pid
                    && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return goneHere || renewed + TIMEOUT.toMillis() < now.toEpochMilli();
        }

        String toJson() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a lease holder always has JSON", e);
            }
        }

        static Optional<Holder> fromJson(String json) {
            try {
                return Optional.of(JSON.readValue(json, Holder.class));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }

    private final StateDatabase state;
    private final String key;
    private final Clock clock;
    private final String name;
    private final ScheduledExecutorService renewer;
    private volatile String held;

    private ExportLease(StateDatabase state, String name, Clock clock, String held) {
        this.state = state;
        this.name = name;
        this.key = keyOf(name);
        this.clock = clock;
        this.held = held;
        this.renewer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("history-lease"));
        renewer.scheduleWithFixedDelay(this::renewQuietly, RENEWAL.toMillis(), RENEWAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static ExportLease claim(StateDatabase state, String name, Clock clock) {
        return claim(state, name, clock, Holder.self(clock.instant()));
    }

    /**
     * @throws HistoryAlreadyRunning when another process holds the name's lease and has not abandoned it
     */
    static ExportLease claim(StateDatabase state, String name, Clock clock, Holder self) {
        String key = keyOf(name);
        String mine = self.toJson();
        // a second try covers a lease that was released or taken over between reading and writing it
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<String> current = state.checkpoints().get(key);
            if (current.isEmpty()) {
                if (state.checkpoints().putIfAbsent(key, mine)) {
                    return new ExportLease(state, name, clock, mine);
                }
                continue;
            }
            Holder holder = Holder.fromJson(current.get()).orElse(null);
            if (holder != null && !holder.abandoned(self, clock.instant())) {
                throw new HistoryAlreadyRunning(name, Instant.ofEpochMilli(holder.since()),
                        "process " + holder.pid() + " on " + holder.host());
            }
            if (state.checkpoints().replace(key, current.get(), mine)) {
                LOG.warn("history export '{}' takes over the run of {}, which is gone", name,
                        holder == null ? "an unreadable lease" : "process " + holder.pid() + " on " + holder.host());
                return new ExportLease(state, name, clock, mine);
            }
        }
        throw new HistoryAlreadyRunning(name, clock.instant(), "another process that claimed it just now");
    }

    /**
     * Tells the others this run is alive; false when another process took the lease over meanwhile. One renewal at a
     * time: two at once would both replace the same value and the loser would think the lease lost.
     */
    synchronized boolean renew() {
        Holder holder = Holder.fromJson(held).orElseThrow();
        String renewed = new Holder(holder.host(), holder.pid(), holder.since(), clock.millis()).toJson();
        if (!state.checkpoints().replace(key, held, renewed)) {
            return false;
        }
        held = renewed;
        return true;
    }

    /**
     * Renews the lease before the run writes its checkpoint, so that a run another process took over while it
     * stalled (beyond {@link #TIMEOUT} without a renewal) stops instead of overwriting that run's checkpoint.
     *
     * @throws HistoryStopped when another process took the lease over
     */
    void confirm() {
        if (!renew()) {
            String taker = state.checkpoints().get(key).flatMap(Holder::fromJson)
                    .map(holder -> "process " + holder.pid() + " on " + holder.host()).orElse("another process");
            throw new HistoryStopped("history export '" + name + "' stopped: " + taker + " took its run over while"
                    + " this one went " + TIMEOUT.toMinutes() + " minutes without renewing its lease; that run goes on"
                    + " from the checkpoint", null);
        }
    }

    private void renewQuietly() {
        try {
            if (!renew()) {
                LOG.error("the lease {} was taken over by another process while this export ran", key);
            }
        } catch (StateException e) {
            LOG.warn("could not renew the lease {} ({}); trying again in {} s", key, e.getMessage(),
                    RENEWAL.toSeconds());
        }
    }

    /** Ends the renewal and gives the name back, unless another process took it over meanwhile. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            state.checkpoints().remove(key, held);
        } catch (StateException e) {
            LOG.warn("could not release the lease {} ({}); it lapses after {}", key, e.getMessage(), TIMEOUT);
        }
    }

    private static String keyOf(String name) {
        return "commerce-history-run:" + name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}

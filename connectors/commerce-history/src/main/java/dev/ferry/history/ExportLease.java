package dev.ferry.history;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.state.Lease;
import dev.ferry.core.state.Lease.Holder;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.state.StateException;
import dev.ferry.history.export.HistoryStopped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per export name among every process that shares the state database (the CLI and a running Ferry, two
 * hosts): runs of one name share a checkpoint and its files, and two at once would send the same orders twice. The
 * run holds a {@link Lease} in the state database and renews it while it lasts. A lease counts as abandoned once it
 * went unrenewed for {@link #TIMEOUT}, or at once when it names a process of this host that is gone, so a resume right
 * after a {@code kill -9} is not kept waiting. A run whose lease was taken over meanwhile stops at its next checkpoint
 * ({@link #confirm}).
 */
final class ExportLease implements AutoCloseable {

    /** How long an unrenewed lease of another host keeps others out: far above a renewal, a GC pause or a blip. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final Duration RENEWAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ExportLease.class);

    private final Lease lease;
    private final String name;
    private final ScheduledExecutorService renewer;

    private ExportLease(Lease lease, String name) {
        this.lease = lease;
        this.name = name;
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
        Lease.Claim claim = Lease.claim(state.checkpoints(), keyOf(name), TIMEOUT, clock, self);
        if (claim.lease().isEmpty()) {
            throw claim.previous().map(holder -> new HistoryAlreadyRunning(name, Instant.ofEpochMilli(holder.since()),
                    holder.describe())).orElseGet(() -> new HistoryAlreadyRunning(name, clock.instant(),
                    "another process that claimed it just now"));
        }
        claim.previous().ifPresent(gone -> LOG.warn("history export '{}' takes over the run of {}, which is gone",
                name, gone.describe()));
        return new ExportLease(claim.lease().get(), name);
    }

    /** Tells the others this run is alive; false when another process took the lease over meanwhile. */
    boolean renew() {
        return lease.renew();
    }

    /**
     * Renews the lease before the run writes its checkpoint, so that a run another process took over while it
     * stalled (beyond {@link #TIMEOUT} without a renewal) stops instead of overwriting that run's checkpoint.
     *
     * @throws HistoryStopped when another process took the lease over
     */
    void confirm() {
        if (!renew()) {
            String taker = lease.currentHolder().map(Holder::describe).orElse("another process");
            throw new HistoryStopped("history export '" + name + "' stopped: " + taker + " took its run over while"
                    + " this one went " + TIMEOUT.toMinutes() + " minutes without renewing its lease; that run goes on"
                    + " from the checkpoint", null);
        }
    }

    private void renewQuietly() {
        try {
            if (!renew()) {
                LOG.error("the lease {} was taken over by another process while this export ran", lease.key());
            }
        } catch (StateException e) {
            LOG.warn("could not renew the lease {} ({}); trying again in {} s", lease.key(), e.getMessage(),
                    RENEWAL.toSeconds());
        }
    }

    /** Ends the renewal and gives the name back, unless another process took it over meanwhile. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            lease.release();
        } catch (StateException e) {
            LOG.warn("could not release the lease {} ({}); it lapses after {}", lease.key(), e.getMessage(), TIMEOUT);
        }
    }

    private static String keyOf(String name) {
        return "commerce-history-run:" + name;
    }
}

package dev.ferry.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A named lease in the state database: one holder at a time among every process that shares the database, on one
 * host or several. The holder renews it while it works; a lease counts as abandoned once it went unrenewed for its
 * timeout, or at once when it names a process of this host that is gone, so a restart right after a {@code kill -9}
 * is not kept waiting. Every write is a compare-and-set on the value read, so two claimants never both win.
 */
public final class Lease {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lease, and since when: what the state database keeps under the lease's key. */
    public record Holder(String host, long pid, long since, long renewed) {

        /** This process, as of {@code now}. */
        public static Holder self(Instant now) {
            return new Holder(hostName(), ProcessHandle.current().pid(), now.toEpochMilli(), now.toEpochMilli());
        }

        boolean abandoned(Holder claimant, Instant now, Duration timeout) {
            boolean goneHere = host.equals(claimant.host) && pid != claimant.pid
                    && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return goneHere || renewed + timeout.toMillis() < now.toEpochMilli();
        }

        /** e.g. {@code process 4711 on shop-1}. */
        public String describe() {
            return "process " + pid + " on " + host;
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

    /**
     * What a claim found.
     *
     * @param lease    the lease, now held by the claimant; empty when another holder keeps it
     * @param previous who held it before: the holder that keeps it, or the one that abandoned it; empty when the
     *                 lease was free (or unreadable, for a won claim)
     */
    public record Claim(Optional<Lease> lease, Optional<Holder> previous) {
    }

    private final Checkpoints checkpoints;
    private final String key;
    private final Clock clock;
    private volatile String held;

    private Lease(Checkpoints checkpoints, String key, Clock clock, String held) {
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        this.held = held;
    }

    /**
     * Takes the lease when it is free or abandoned.
     *
     * @param timeout how long an unrenewed lease of another holder keeps others out
     */
    public static Claim claim(Checkpoints checkpoints, String key, Duration timeout, Clock clock, Holder self) {
        String mine = self.toJson();
        Optional<Holder> previous = Optional.empty();
        // a second try covers a lease that was released or taken over between reading and writing it
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<String> current = checkpoints.get(key);
            if (current.isEmpty()) {
                if (checkpoints.putIfAbsent(key, mine)) {
                    return new Claim(Optional.of(new Lease(checkpoints, key, clock, mine)), Optional.empty());
                }
                continue;
            }
            previous = Holder.fromJson(current.get());
            if (previous.isPresent() && !previous.get().abandoned(self, clock.instant(), timeout)) {
                return new Claim(Optional.empty(), previous);
            }
            if (checkpoints.replace(key, current.get(), mine)) {
                return new Claim(Optional.of(new Lease(checkpoints, key, clock, mine)), previous);
            }
        }
        return new Claim(Optional.empty(), holderOf(checkpoints, key));
    }

    public String key() {
        return key;
    }

    /**
     * Tells the others the holder is alive; false when another process took the lease over meanwhile. One renewal
     * at a time: two at once would both replace the same value and the loser would think the lease lost.
     */
    public synchronized boolean renew() {
        Holder holder = Holder.fromJson(held).orElseThrow();
        String renewed = new Holder(holder.host(), holder.pid(), holder.since(), clock.millis()).toJson();
        if (!checkpoints.replace(key, held, renewed)) {
            return false;
        }
        held = renewed;
        return true;
    }

    /** Who holds the lease now, as the state database says. */
    public Optional<Holder> currentHolder() {
        return holderOf(checkpoints, key);
    }

    /** Who holds the lease under {@code key}, as the state database says; empty when it is free. */
    public static Optional<Holder> holderOf(Checkpoints checkpoints, String key) {
        return checkpoints.get(key).flatMap(Holder::fromJson);
    }

    /** Gives the lease back, unless another process took it over meanwhile. */
    public void release() {
        checkpoints.remove(key, held);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}

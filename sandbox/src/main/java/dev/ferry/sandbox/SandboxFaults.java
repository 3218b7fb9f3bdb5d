package dev.ferry.sandbox;

import dev.ferry.sandbox.faults.FaultDecision;
import dev.ferry.sandbox.faults.RetryAfterWatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Programmatic control of the faults the sandbox injects into its data endpoints; the admin API
 * {@code PUT /sandbox/faults} drives the same object.
 *
 * <p>Applying settings restarts the request count, so "fail the first 3" always means the next 3 data requests.
 * Settings and their count are swapped together atomically; deciding is lock-free.
 */
public final class SandboxFaults {

    private final AtomicReference<Active> active;
    private final RetryAfterWatch retryAfter = new RetryAfterWatch();

    public SandboxFaults(FaultSettings initial) {
        this.active = new AtomicReference<>(new Active(initial));
    }

    /** Replaces the current faults; the following data requests are counted from one. */
    public void apply(FaultSettings settings) {
        active.set(new Active(settings));
    }

    /** Removes every fault. */
    public void clear() {
        apply(FaultSettings.none());
    }

    public FaultSettings current() {
        return active.get().settings;
    }

    /**
     * Counts one data request to the named API, notes whether it came before that API's last Retry-After ran out,
     * and decides whether it fails; called by the sandbox's HTTP layer.
     */
    public FaultDecision decide(String api) {
        long now = System.nanoTime();
        retryAfter.arrived(api, now);
        FaultDecision decision = decide();
        if (decision.fails() && decision.retryAfterSeconds() > 0) {
            retryAfter.told(api, now, decision.retryAfterSeconds());
        }
        return decision;
    }

    /** Requests a client sent before the Retry-After of their API had run out; 0 for a well-behaved client. */
    public long requestsBeforeRetryAfter() {
        return retryAfter.earlyRequests();
    }

    private FaultDecision decide() {
        Active now = active.get();
        FaultSettings s = now.settings;
        long n = now.requests.incrementAndGet();
        if (s.down()) {
            return new FaultDecision(503, s.retryAfterSeconds(), s.latencyMs());
        }
        if (n <= s.failFirst()) {
            int retryAfter = s.failStatus() == 503 || s.failStatus() == 429 ? s.retryAfterSeconds() : 0;
            return new FaultDecision(s.failStatus(), retryAfter, s.latencyMs());
        }
        if (s.rateLimitEvery() > 0 && n % s.rateLimitEvery() == 0) {
            return new FaultDecision(429, s.retryAfterSeconds(), s.latencyMs());
        }
        return new FaultDecision(0, 0, s.latencyMs());
    }

    private static final class Active {
        final FaultSettings settings;
        final AtomicLong requests = new AtomicLong();

        Active(FaultSettings settings) {
            this.settings = settings;
        }
    }
}

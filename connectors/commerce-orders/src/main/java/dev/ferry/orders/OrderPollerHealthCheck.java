package dev.ferry.orders;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code commerce-orders:<name>} on the health endpoint: DOWN, with the reason, while the poller cannot read the
 * Commerce database; UP otherwise, with its lag and whether the outbox made it pause (a pause is backpressure
 * working as meant, not a failure).
 */
final class OrderPollerHealthCheck extends AbstractHealthCheck {

    private final OrderPollerStatus status;

    OrderPollerHealthCheck(String id, OrderPollerStatus status) {
        super("ferry", id);
        this.status = status;
    }

    /** A database that is down is not fixed by restarting Ferry: readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("lag.seconds", status.lag(Instant.now()).toSeconds());
        String pausedBecause = status.pausedBecause();
        builder.detail("paused", pausedBecause != null);
        if (pausedBecause != null) {
            builder.detail("paused.reason", pausedBecause);
        }
        String problem = status.readProblem();
        if (problem != null) {
            builder.message("cannot read the Commerce database: " + problem);
            builder.down();
        } else {
            builder.up();
        }
    }
}

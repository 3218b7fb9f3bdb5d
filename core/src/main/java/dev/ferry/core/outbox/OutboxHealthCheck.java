package dev.ferry.core.outbox;

import dev.ferry.core.state.Outbox;
import dev.ferry.core.state.StateDatabase;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Reports the outbox backlog (events, bytes, age of the oldest) on the health endpoint, and DOWN when the state
 * database does not answer: then no source can acknowledge anything.
 */
public final class OutboxHealthCheck extends AbstractHealthCheck {

    private final StateDatabase state;

    public OutboxHealthCheck(StateDatabase state) {
        super("ferry", "outbox");
        this.state = state;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            Outbox.Backlog backlog = state.outbox().backlog(null);
            builder.detail("outbox.events", backlog.events());
            builder.detail("outbox.bytes", backlog.bytes());
            if (backlog.oldestCreatedAtMillis() != null) {
                builder.detail("outbox.oldest.age.seconds",
                        (System.currentTimeMillis() - backlog.oldestCreatedAtMillis()) / 1000);
            }
            builder.detail("deadLetters", state.deadLetters().count());
            builder.up();
        } catch (RuntimeException e) {
            builder.message("state database unavailable: " + e.getMessage());
            builder.down();
        }
    }
}

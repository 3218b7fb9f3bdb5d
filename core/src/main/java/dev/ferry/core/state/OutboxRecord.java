package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

/** An event waiting in the outbox, with its position and how often delivery has failed. */
public record OutboxRecord(long seq, String channel, OutboundEvent event, int attempts, long createdAtMillis) {
}

package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

/** An event AEP refused: where it was going, what it was and why. */
public record DeadLetter(long id, String channel, OutboundEvent event, String reason, long failedAtMillis) {
}

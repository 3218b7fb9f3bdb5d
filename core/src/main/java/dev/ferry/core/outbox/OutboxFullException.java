package dev.ferry.core.outbox;

import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;

import java.time.Duration;
import java.util.Optional;

/**
 * The outbox is above its high-water mark (AEP has been unreachable for long): a source must slow down — a collector
 * answers 429 with Retry-After, a poller pauses — so memory and disk stay bounded. Nothing was appended.
 */
public class OutboxFullException extends DeliveryException {

    public OutboxFullException(String message, Duration retryAfter) {
        super(FailureKind.RATE_LIMITED, message, retryAfter, null);
    }

    /** The outbox-full refusal somewhere in a failure's causes, if that is what it was. */
    public static Optional<OutboxFullException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutboxFullException full) {
                return Optional.of(full);
            }
        }
        return Optional.empty();
    }
}

package dev.ferry.core.delivery;

import java.time.Duration;
import java.util.Optional;

/** A delivery that failed as a whole; the events stay where they are and are tried again. */
public class DeliveryException extends RuntimeException {

    private final FailureKind kind;
    private final Duration retryAfter;

    public DeliveryException(FailureKind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public DeliveryException(FailureKind kind, String message) {
        this(kind, message, null, null);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The delay the server asked for (Retry-After), when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

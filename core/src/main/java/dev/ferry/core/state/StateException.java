package dev.ferry.core.state;

/** The state database failed; nothing of the operation was committed. */
public class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}

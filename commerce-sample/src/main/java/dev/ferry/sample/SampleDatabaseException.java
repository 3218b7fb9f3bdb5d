package dev.ferry.sample;

/**
 * A sample database that could not be started, reached, created or written, with what was being done when it
 * failed. Unchecked, because the demo and the tests that use this module can only stop when it happens.
 */
public final class SampleDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SampleDatabaseException(String message) {
        super(message);
    }

    public SampleDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.ferry.history.export;

/**
 * The export stopped before the end of its range (the database went away, the daily batch cap was reached), with
 * everything sent so far checkpointed: {@code --resume} goes on from there.
 */
public class HistoryStopped extends RuntimeException {

    public HistoryStopped(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.ferry.history.export;

/**
 * Told how an export advances, after every page of orders, and asked whether it is to stop: the CLI draws its
 * progress bar from it and stops the export on Ctrl-C.
 */
@FunctionalInterface
public interface HistoryProgress {

    /**
     * @param ordersDone orders exported so far, including those of an earlier run that this one resumes
     * @param ordersTotal orders in the range
     * @param events events written so far
     */
    void update(long ordersDone, long ordersTotal, long events);

    /**
     * Asked after every page and, while the export waits for its uploads or for AEP, a few times a second: true
     * stops it there with its checkpoint saved, as {@link HistoryStopped}, and {@code --resume} goes on.
     */
    default boolean stopRequested() {
        return false;
    }

    HistoryProgress NONE = (done, total, events) -> {
    };
}

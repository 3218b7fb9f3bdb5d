package dev.ferry.history.export;

/** Told how an export advances, after every page of orders; the CLI draws its progress bar from it. */
@FunctionalInterface
public interface HistoryProgress {

    /**
     * @param ordersDone orders exported so far, including those of an earlier run that this one resumes
     * @param ordersTotal orders in the range
     * @param events events written so far
     */
    void update(long ordersDone, long ordersTotal, long events);

    HistoryProgress NONE = (done, total, events) -> {
    };
}

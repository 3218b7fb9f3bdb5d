package dev.ferry.history.export;

import java.time.Duration;
import java.util.List;

/**
 * What an export did, counted over all its runs when it was resumed: orders, events, files, batches sent and how
 * many of them did not reach success, orders written to dead letters, and the failures in AEP's words.
 */
public record HistorySummary(long orders, long events, long files, long batches, long failedBatches,
                             long deadLettered, Duration elapsed, List<String> failures) {

    public HistorySummary {
        failures = List.copyOf(failures);
    }

    /** True when every batch reached success in Catalog (a dry run sends none). */
    public boolean succeeded() {
        return failedBatches == 0;
    }

    @Override
    public String toString() {
        return orders + " orders, " + events + " events, " + files + " files, " + batches + " batches ("
                + failedBatches + " failed), " + deadLettered + " orders in dead letters, " + elapsed.toSeconds() + " s";
    }
}

package dev.ferry.history.export;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

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

    /** E.g. {@code 1,000,000 orders, 3,298,000 events, 18 files, 5 batches (0 failed), 0 orders in dead letters, 98 s}. */
    @Override
    public String toString() {
        return count(orders, "order") + ", " + count(events, "event") + ", " + count(files, "file") + ", "
                + count(batches, "batch", "batches") + " (" + failedBatches + " failed), "
                + count(deadLettered, "order") + " in dead letters, " + elapsed.toSeconds() + " s";
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    /** Grouped as the progress bar shows counts, so the summary's figures read the same as the last progress line. */
    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}

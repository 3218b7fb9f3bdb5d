package dev.ferry.history.export;

import dev.ferry.core.sales.OrderChangeKind;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One export's settings: its name (which keys its checkpoint and names its files), the range, the store_ids in
 * scope (null for all) and their codes as given, the changes to send, and the sizes of pages, files and batches.
 *
 * @param batchesInFlight at most this many completed batches wait for AEP's final status at once
 * @param batchesPerDay   at most this many batches in any 24 hours; 0 for no cap
 */
public record HistoryJob(String name, HistoryRange range, Set<Long> storeIds, String stores,
                         Set<OrderChangeKind> kinds, int pageSize, long fileSize, int filesPerBatch,
                         int batchesInFlight, int batchesPerDay, Path outDir) {

    /** What every export's checkpoint key starts with. */
    public static final String CHECKPOINT_PREFIX = "commerce-history:";
    /**
     * What a dry run's checkpoint key starts with. A dry run has a checkpoint of its own: under the export's key, it
     * would take the place of an interrupted export of the same name, whose {@code --resume} would then go on after
     * the orders the dry run only wrote to files.
     */
    static final String DRY_RUN_CHECKPOINT_PREFIX = "commerce-history-dry-run:";

    /** @param dryRun whether the run sends nothing, only writes its files */
    String checkpointKey(boolean dryRun) {
        return (dryRun ? DRY_RUN_CHECKPOINT_PREFIX : CHECKPOINT_PREFIX) + name;
    }

    /** The names of an export's files, {@code <name>-000001.json} and on, their number as group 1. */
    public static Pattern filesOf(String name) {
        return Pattern.compile(Pattern.quote(name) + "-(\\d{6,})\\.json");
    }

    /** What a checkpoint must match for {@code --resume} to go on with it. */
    String scope() {
        return range + (stores == null || stores.isBlank() ? "" : " stores " + stores);
    }
}

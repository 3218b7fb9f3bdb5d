package dev.ferry.sandbox.batch;

import java.util.List;

/**
 * What processing found in a completed batch.
 *
 * @param recordsRead   records found in the batch's files
 * @param failedRecords records that could not be parsed or failed validation
 * @param errors        why the batch failed; empty when it succeeded
 */
record BatchOutcome(long recordsRead, long failedRecords, List<BatchError> errors) {

    BatchOutcome {
        errors = List.copyOf(errors);
    }

    boolean failed() {
        return !errors.isEmpty();
    }
}

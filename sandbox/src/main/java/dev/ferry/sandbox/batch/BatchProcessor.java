package dev.ferry.sandbox.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.intake.EventFacts;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.schema.ValidationResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes completed batches off the request path: validates every JSON Lines record against the dataset's
 * schema, then either stores them all (success) or none (failed, with AEP's error codes), as a batch without
 * partial ingestion behaves. A record is first checked from its bytes ({@link EventIntake#provenValid}); only one
 * that check does not prove valid is parsed into a tree for the full validator, which decides and words the errors.
 *
 * <p>Batches run on the sandbox's own batch threads rather than Vert.x's worker pool: a batch of large files takes
 * minutes, which Vert.x would report again and again as a blocked worker thread.
 */
final class BatchProcessor {

    /**
     * AEP's guardrail for batch ingestion ("the maximum number of files per batch is 1500"); more files fail the batch
     * at ingestion time.
     */
    static final int MAX_FILES_PER_BATCH = 1_500;
    /**
     * How long a processed batch stays {@code processing} before its final status, so that clients polling
     * Catalog meet the lifecycle AEP has instead of a batch that is done the instant it is completed.
     */
    static final long SETTLE_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
    private static final int EXAMPLES_PER_ERROR = 3;

    private final Vertx vertx;
    private final Executor batchThreads;
    private final EventIntake intake;
    private final Clock clock;

    /** @param batchThreads where batches are processed, several at once as clients pipeline them */
    BatchProcessor(Vertx vertx, Executor batchThreads, EventIntake intake, Clock clock) {
        this.vertx = vertx;
        this.batchThreads = batchThreads;
        this.intake = intake;
        this.clock = clock;
    }

    /** Starts processing a loading batch; returns false when it was not loading. */
    boolean complete(IngestionBatch batch) {
        Map<String, byte[]> files = batch.startProcessing(clock.millis());
        if (files == null) {
            return false;
        }
        Context context = vertx.getOrCreateContext();
        // supplyAsync wraps whatever ingest threw in a CompletionException.
        CompletableFuture.supplyAsync(() -> ingest(files), batchThreads).whenComplete((result, failure) ->
                context.runOnContext(done -> {
                    BatchOutcome outcome = failure == null ? result : crashed(batch, failure.getCause());
                    vertx.setTimer(SETTLE_MS, timer -> batch.finish(outcome, clock.millis()));
                }));
        return true;
    }

    BatchOutcome ingest(Map<String, byte[]> files) {
        if (files.size() > MAX_FILES_PER_BATCH) {
            return new BatchOutcome(0, 0, List.of(new BatchError(BatchError.GUARDRAIL,
                    "Batch ingestion guardrails hit: " + files.size() + " files (over the " + MAX_FILES_PER_BATCH
                            + " threshold)", 0, List.of())));
        }
        Findings findings = new Findings();
        List<ValidRecord> valid = new ArrayList<>();
        long[] rows = {0};
        forEachRecord(files, line -> {
            long row = ++rows[0];
            Optional<EventFacts> proven = intake.provenValid(line.content(), line.offset(), line.length());
            if (proven.isPresent()) {
                if (findings.failedRows == 0) {
                    valid.add(new ValidRecord(line, proven.get()));
                }
                return;
            }
            JsonNode xdm = line.object().orElse(null);
            if (xdm == null) {
                findings.add(BatchError.UNPARSABLE_ROW, row, line.where() + ": not a JSON object");
                return;
            }
            ValidationResult result = intake.validate(xdm);
            if (!result.isValid()) {
                intake.reject(xdm, line.text(), Channel.BATCH, result);
                String code = result.missesRequiredField() ? BatchError.REQUIRED_FIELD_MISSING : BatchError.INVALID_DATA;
                findings.add(code, row, line.where() + ": " + String.join("; ", result.messages()));
            } else if (findings.failedRows == 0) {
                // Once a row failed, the batch stores none, so what storing needs is no longer read.
                valid.add(new ValidRecord(line, EventFacts.of(xdm)));
            }
        });
        if (findings.failedRows == 0) {
            valid.forEach(record -> intake.accept(record.facts(), record.line().text(), Channel.BATCH));
        }
        return new BatchOutcome(rows[0], findings.failedRows, findings.errors());
    }

    private BatchOutcome crashed(IngestionBatch batch, Throwable cause) {
        LOG.error("sandbox could not process batch {}", batch.id(), cause);
        return new BatchOutcome(0, 0, List.of(new BatchError(BatchError.INVALID_DATA,
                "The sandbox could not process the batch: " + cause, 0, List.of())));
    }

    /** Calls back with each non-blank line of every file, in upload order. */
    private static void forEachRecord(Map<String, byte[]> files, Consumer<JsonLine> record) {
        files.forEach((name, content) -> JsonLines.forEachNonBlank(name, content, record));
    }

    /** The failing rows of a batch, grouped by error code in the order first met. */
    private static final class Findings {
        private static final Map<String, String> DOCUMENTED = Map.of(
                BatchError.UNPARSABLE_ROW,
                "The row has corrupted data and cannot be read or parsed. Fix the corrupted data and try again.",
                BatchError.REQUIRED_FIELD_MISSING,
                "A required field is either missing or has a value of null. Add the required field to the input row "
                        + "and try again.",
                BatchError.INVALID_DATA,
                "Encountered errors while parsing, converting or otherwise validating the data.");

        private final Map<String, List<Long>> rowsByCode = new LinkedHashMap<>();
        private final Map<String, Long> countByCode = new LinkedHashMap<>();
        private final Map<String, List<String>> examplesByCode = new LinkedHashMap<>();
        private long failedRows;

        void add(String code, long row, String example) {
            failedRows++;
            countByCode.merge(code, 1L, Long::sum);
            List<Long> rows = rowsByCode.computeIfAbsent(code, c -> new ArrayList<>());
            if (rows.size() < BatchError.MAX_ROWS_LISTED) {
                rows.add(row);
            }
            List<String> examples = examplesByCode.computeIfAbsent(code, c -> new ArrayList<>());
            if (examples.size() < EXAMPLES_PER_ERROR) {
                examples.add(example);
            }
        }

        List<BatchError> errors() {
            List<BatchError> errors = new ArrayList<>();
            rowsByCode.forEach((code, rows) -> errors.add(new BatchError(code,
                    DOCUMENTED.get(code) + " First failures: " + String.join(" | ", examplesByCode.get(code)),
                    countByCode.get(code), rows)));
            return errors;
        }
    }
}

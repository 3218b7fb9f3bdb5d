package dev.ferry.history.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Where finished files go: AEP batch ingestion one step at a time, so that the export checkpoints after each file
 * it uploaded into the open batch and, after a crash, asks what became of that batch instead of guessing.
 */
public interface HistorySink {

    /** Catalog's word for a batch that is open for files. */
    String LOADING = "loading";

    /**
     * Uploads a file into the batch, or into a new batch when {@code batchId} is null. Uploading a file of the same
     * name again replaces it while the batch is loading.
     *
     * @return the batch's id
     * @throws Unsettled when the file is not known to be in the batch
     */
    String upload(String batchId, Path file);

    /**
     * Completes the batch (completing it again is safe) and waits for its final status.
     *
     * @param files the batch's files in upload order, so that a failure names its rows
     * @throws Unsettled when the final status is not known (AEP unreachable, still processing after the timeout)
     */
    BatchEnd complete(String batchId, List<Path> files);

    /**
     * The batch's status in Catalog: loading, processing, success, failed, aborted... or gone when Catalog does not
     * know it.
     *
     * @throws Unsettled when Catalog cannot be asked
     */
    String status(String batchId);

    /** How a completed batch ended; {@code reason} gives AEP's error codes and reasons when it did not succeed. */
    record BatchEnd(boolean succeeded, String reason) {

        public static final BatchEnd SUCCESS = new BatchEnd(true, null);

        public static BatchEnd notIngested(String reason) {
            return new BatchEnd(false, reason);
        }
    }

    /** The sink could not do a step or say how it ended: the export stops with its checkpoint, to resume later. */
    class Unsettled extends RuntimeException {

        public Unsettled(String message) {
            super(message);
        }
    }
}

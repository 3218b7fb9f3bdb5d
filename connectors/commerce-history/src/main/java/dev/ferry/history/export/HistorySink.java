package dev.ferry.history.export;

import java.nio.file.Path;
import java.util.List;

/** Where finished files go: one AEP batch per call. */
@FunctionalInterface
public interface HistorySink {

    /**
     * Ingests the files as one batch and waits for its final status.
     *
     * @return null when the batch reached success, else why it did not, in AEP's words (error codes, reasons)
     */
    String ingest(List<Path> files);
}

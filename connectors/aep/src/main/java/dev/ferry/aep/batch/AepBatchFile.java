package dev.ferry.aep.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * One JSON Lines file of a batch.
 *
 * @param name   its name in the batch, unique within it
 * @param rowIds the {@code _id} of each record (non-blank line) in order, as AEP numbers the batch's rows
 */
public record AepBatchFile(String name, Path path, List<String> rowIds) {
}

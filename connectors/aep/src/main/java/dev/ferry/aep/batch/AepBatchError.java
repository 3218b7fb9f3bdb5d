package dev.ferry.aep.batch;

import java.util.List;

/**
 * One entry of a failed batch's {@code errors} in Catalog.
 *
 * @param rows the 1-based numbers of the failing rows, counted across the batch's files in upload order; empty
 *             when AEP names none
 */
public record AepBatchError(String code, String description, List<Long> rows) {

    /** The reason a rejected row carries into dead letters. */
    public String reason() {
        return code + ": " + description;
    }
}

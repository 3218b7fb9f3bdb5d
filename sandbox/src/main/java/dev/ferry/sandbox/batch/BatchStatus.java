package dev.ferry.sandbox.batch;

import java.util.Locale;

/** A batch's lifecycle as Catalog reports it. */
enum BatchStatus {
    /** Created; files may be uploaded. */
    LOADING,
    /** Completed by the client; records are being validated. */
    PROCESSING,
    /** Every record was valid and is stored. */
    SUCCESS,
    /** At least one record was invalid; nothing is stored. */
    FAILED,
    /** Abandoned by the client before completion. */
    ABORTED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.ferry.sandbox.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import java.util.List;

/**
 * One entry of a failed batch's {@code errors}, in Catalog's documented form {@code {"code","description",
 * "recordCount"}} plus {@code rows}: the 1-based numbers of the failing records, counted across the batch's
 * files in upload order (the first {@link #MAX_ROWS_LISTED} of them).
 */
record BatchError(String code, String description, long recordCount, List<Long> rows) {

    /** Documented: a row that cannot be read or parsed. */
    static final String UNPARSABLE_ROW = "INGEST-1401-400";
    /** Documented: a required field is missing or null. */
    static final String REQUIRED_FIELD_MISSING = "INGEST-1555-400";
    /** Documented: errors while parsing, converting or otherwise validating the data. */
    static final String INVALID_DATA = "INGEST-1211-400";
    /** Catalog documents only the message of a guardrail failure, not a code; this one is the sandbox's. */
    static final String GUARDRAIL = "INGEST-GUARDRAIL-400";

    /** Enough rows to find the broken records without turning a bad million-row batch into a huge answer. */
    static final int MAX_ROWS_LISTED = 1_000;

    BatchError {
        rows = List.copyOf(rows);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("code", code)
                .put("description", description)
                .put("recordCount", recordCount);
        ArrayNode list = json.putArray("rows");
        rows.forEach(list::add);
        return json;
    }
}

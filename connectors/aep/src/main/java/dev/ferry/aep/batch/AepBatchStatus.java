package dev.ferry.aep.batch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A batch as Catalog describes it: its status and, once it failed, why. */
public record AepBatchStatus(String status, List<AepBatchError> errors) {

    private static final Set<String> SUCCEEDED = Set.of("success", "active");
    private static final Set<String> GIVEN_UP = Set.of("aborted", "abandoned");

    /** Reads {@code GET /catalog/batches/{id}}, which answers {@code {"<id>": {batch}}}. */
    public static AepBatchStatus fromCatalog(String batchId, JsonNode answer) {
        JsonNode batch = answer.has(batchId) ? answer.path(batchId) : answer;
        List<AepBatchError> errors = new ArrayList<>();
        for (JsonNode error : batch.path("errors")) {
            List<Long> rows = new ArrayList<>();
            error.path("rows").forEach(row -> rows.add(row.asLong()));
            errors.add(new AepBatchError(error.path("code").asText(""), error.path("description").asText(""), rows));
        }
        return new AepBatchStatus(batch.path("status").asText("unknown").toLowerCase(Locale.ROOT), errors);
    }

    public boolean succeeded() {
        return SUCCEEDED.contains(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    /** Aborted or abandoned: ended without being ingested, through no fault of its rows. */
    public boolean givenUp() {
        return GIVEN_UP.contains(status);
    }

    public boolean isFinal() {
        return succeeded() || failed() || givenUp();
    }

    public List<String> errorCodes() {
        return errors.stream().map(AepBatchError::code).distinct().toList();
    }
}

package dev.ferry.sandbox.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of the batch ingestion API: its uploaded files while loading, then its outcome. Every method is
 * synchronized because uploads, the client's polling and the processor touch it from different threads.
 */
final class IngestionBatch {

    private final String id;
    private final String datasetId;
    private final String imsOrg;
    private final String client;
    private final long created;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private BatchStatus status = BatchStatus.LOADING;
    private long updated;
    private long started;
    private long completed;
    private long inputByteSize;
    private int inputFileCount;
    private long recordsRead;
    private long recordsWritten;
    private long failedRecordCount;
    private List<BatchError> errors = List.of();

    IngestionBatch(String id, String datasetId, String imsOrg, String client, long createdMs) {
        this.id = id;
        this.datasetId = datasetId;
        this.imsOrg = imsOrg;
        this.client = client;
        this.created = createdMs;
        this.updated = createdMs;
    }

    String id() {
        return id;
    }

    String datasetId() {
        return datasetId;
    }

    synchronized BatchStatus status() {
        return status;
    }

    /** Stores (or replaces) a file; only a loading batch accepts files. */
    synchronized boolean putFile(String name, byte[] content, long nowMs) {
        if (status != BatchStatus.LOADING) {
            return false;
        }
        files.put(name, content);
        updated = nowMs;
        return true;
    }

    /**
     * Moves a loading batch to processing and hands over its files, which the batch no longer keeps.
     *
     * @return the files in upload order, or null when the batch was not loading
     */
    synchronized Map<String, byte[]> startProcessing(long nowMs) {
        if (status != BatchStatus.LOADING) {
            return null;
        }
        status = BatchStatus.PROCESSING;
        started = nowMs;
        updated = nowMs;
        inputFileCount = files.size();
        inputByteSize = files.values().stream().mapToLong(f -> f.length).sum();
        Map<String, byte[]> handedOver = new LinkedHashMap<>(files);
        files.clear();
        return handedOver;
    }

    synchronized boolean abort(long nowMs) {
        if (status != BatchStatus.LOADING) {
            return false;
        }
        status = BatchStatus.ABORTED;
        files.clear();
        updated = nowMs;
        return true;
    }

    synchronized void finish(BatchOutcome outcome, long nowMs) {
        status = outcome.failed() ? BatchStatus.FAILED : BatchStatus.SUCCESS;
        recordsRead = outcome.recordsRead();
        recordsWritten = outcome.failed() ? 0 : outcome.recordsRead();
        failedRecordCount = outcome.failedRecords();
        errors = outcome.errors();
        completed = nowMs;
        updated = nowMs;
    }

    /** The answer to batch creation, as the batch ingestion API documents it. */
    synchronized ObjectNode creationJson() {
        ObjectNode json = Json.object()
                .put("id", id)
                .put("imsOrg", imsOrg)
                .put("updated", updated)
                .put("status", status.wireName())
                .put("created", created);
        json.set("relatedObjects", relatedObjects());
        json.put("version", "1.0.0");
        json.putObject("tags");
        json.put("createdUser", client).put("updatedUser", client);
        return json;
    }

    /** The batch as Catalog describes it under its id. */
    synchronized ObjectNode catalogJson() {
        ObjectNode batch = Json.object()
                .put("id", id)
                .put("externalId", id)
                .put("status", status.wireName())
                .put("imsOrg", imsOrg)
                .put("created", created)
                .put("updated", updated)
                .put("createdClient", client)
                .put("createdUser", client)
                .put("updatedUser", client)
                .put("version", "1.0.0");
        if (started > 0) {
            batch.put("started", started);
        }
        if (completed > 0) {
            batch.put("completed", completed);
        }
        batch.set("relatedObjects", relatedObjects());
        batch.putObject("inputFormat").put("format", "json");
        batch.putObject("tags");
        batch.putObject("metrics")
                .put("inputByteSize", inputByteSize)
                .put("inputFileCount", inputFileCount)
                .put("inputRecordCount", recordsRead)
                .put("outputRecordCount", recordsWritten)
                .put("failedRecordCount", failedRecordCount)
                .put("recordsRead", recordsRead)
                .put("recordsWritten", recordsWritten);
        ArrayNode errorList = batch.putArray("errors");
        errors.forEach(e -> errorList.add(e.toJson()));
        ObjectNode keyed = Json.object();
        keyed.set(id, batch);
        return keyed;
    }

    private ArrayNode relatedObjects() {
        ArrayNode related = Json.array();
        related.addObject().put("type", "dataSet").put("id", datasetId);
        return related;
    }
}

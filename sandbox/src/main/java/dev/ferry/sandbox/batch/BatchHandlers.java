package dev.ferry.sandbox.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The batch ingestion API ({@code /data/foundation/import/batches...}) and Catalog's batch lookup
 * ({@code GET /data/foundation/catalog/batches/{batchId}}).
 *
 * <p>Lifecycle: create (201, {@code loading}), upload JSON Lines files (200), {@code ?action=COMPLETE} (200,
 * {@code processing}), then {@code success} or {@code failed} shortly after. Completing again is answered 200, as
 * AEP documents that a retried completion is safe.
 */
public final class BatchHandlers {

    /** Files above this size must use AEP's large file upload, which the sandbox does not offer. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private static final String FORMAT = "json";

    private final SandboxSettings settings;
    private final Clock clock;
    private final BatchIds ids;
    private final BatchProcessor processor;
    private final Map<String, IngestionBatch> batches = new ConcurrentHashMap<>();

    /** @param batchThreads where completed batches are processed, off Vert.x's threads */
    public BatchHandlers(Vertx vertx, Executor batchThreads, SandboxSettings settings, EventIntake intake, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.ids = new BatchIds(clock);
        this.processor = new BatchProcessor(vertx, batchThreads, intake, clock);
    }

    public static BodyReader fileReader() {
        return new BodyReader(MAX_FILE_BYTES, size -> Reply.plainProblem(413, "Payload Too Large",
                "The file of " + size + " bytes exceeds the " + MAX_FILE_BYTES
                        + " byte limit of a single-part upload; use the large file upload API."));
    }

    public Handler<RoutingContext> create() {
        return ctx -> create(BodyReader.body(ctx)).send(ctx);
    }

    public Handler<RoutingContext> upload() {
        return ctx -> upload(ctx.pathParam("batchId"), ctx.pathParam("datasetId"), ctx.pathParam("fileName"),
                BodyReader.body(ctx)).send(ctx);
    }

    public Handler<RoutingContext> action() {
        return ctx -> action(ctx.pathParam("batchId"), ctx.request().getParam("action")).send(ctx);
    }

    public Handler<RoutingContext> catalog() {
        return ctx -> catalog(ctx.pathParam("batchId")).send(ctx);
    }

    Reply create(byte[] body) {
        JsonNode request = Json.parse(body).filter(JsonNode::isObject).orElse(null);
        if (request == null) {
            return Reply.plainProblem(400, "Bad Request", "The body must be a JSON object with datasetId and inputFormat.");
        }
        String datasetId = Json.textField(request, "datasetId");
        if (!settings.datasetId().equals(datasetId)) {
            return Reply.plainProblem(400, "Bad Request",
                    "Dataset '" + datasetId + "' does not exist in sandbox '" + settings.sandboxName() + "'.");
        }
        String format = Json.textField(request.path("inputFormat"), "format");
        if (!FORMAT.equals(format.toLowerCase(Locale.ROOT))) {
            return Reply.plainProblem(400, "Bad Request",
                    "inputFormat.format '" + format + "' is not supported by the sandbox; send JSON Lines with format 'json'.");
        }
        IngestionBatch batch = new IngestionBatch(
                ids.next(), datasetId, settings.imsOrgId(), settings.clientId(), clock.millis());
        batches.put(batch.id(), batch);
        return Reply.json(201, batch.creationJson());
    }

    Reply upload(String batchId, String datasetId, String fileName, byte[] content) {
        IngestionBatch batch = batches.get(batchId);
        if (batch == null) {
            return notFound(batchId);
        }
        if (!batch.datasetId().equals(datasetId)) {
            return Reply.plainProblem(400, "Bad Request",
                    "Batch " + batchId + " belongs to dataset '" + batch.datasetId() + "', not '" + datasetId + "'.");
        }
        if (!batch.putFile(fileName, content, clock.millis())) {
            return Reply.plainProblem(400, "Bad Request",
                    "Batch " + batchId + " is " + batch.status().wireName() + "; files can only be added while it is loading.");
        }
        return Reply.empty(200);
    }

    Reply action(String batchId, String action) {
        IngestionBatch batch = batches.get(batchId);
        if (batch == null) {
            return notFound(batchId);
        }
        String requested = action == null ? "" : action.toUpperCase(Locale.ROOT);
        switch (requested) {
            case "COMPLETE":
                return processor.complete(batch) || batch.status() != BatchStatus.ABORTED
                        ? Reply.empty(200)
                        : Reply.plainProblem(400, "Bad Request", "Batch " + batchId + " was aborted.");
            case "ABORT":
                return batch.abort(clock.millis())
                        ? Reply.empty(200)
                        : Reply.plainProblem(400, "Bad Request",
                                "Batch " + batchId + " is " + batch.status().wireName() + " and can no longer be aborted.");
            default:
                return Reply.plainProblem(400, "Bad Request",
                        "Unsupported action '" + (action == null ? "" : action) + "'; use COMPLETE or ABORT.");
        }
    }

    Reply catalog(String batchId) {
        IngestionBatch batch = batches.get(batchId);
        return batch == null ? notFound(batchId) : Reply.json(200, batch.catalogJson());
    }

    private static Reply notFound(String batchId) {
        return Reply.plainProblem(404, "Not Found", "Batch '" + batchId + "' was not found.");
    }
}

package dev.ferry.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.xdm.Xdm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A batch sink that speaks {@link BatchSteps} like aep:batch and records every row of every batch that reached
 * success, in order, doubles included. Files uploaded under the same name replace each other, as in AEP.
 */
final class RecordingBatchSink implements Processor {

    /** Every row of every batch that succeeded, in order, doubles included. */
    final List<JsonNode> ingested = new CopyOnWriteArrayList<>();
    /** How many batches were completed. */
    final AtomicInteger batches = new AtomicInteger();
    /** What the sink does with completed batch number n (1-based): null to ingest it, else a failure reason. */
    volatile IntFunction<String> behaviour = n -> null;

    private final AtomicInteger created = new AtomicInteger();
    private final Map<String, Map<String, List<JsonNode>>> files = new ConcurrentHashMap<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    /** How many batches were opened (their first file uploaded). */
    int created() {
        return created.get();
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String batchId = in.getHeader(BatchSteps.BATCH_ID, String.class);
        DeliveryReport report = new DeliveryReport();
        switch (in.getHeader(BatchSteps.STEP, String.class)) {
            case BatchSteps.UPLOAD -> {
                if (batchId == null) {
                    batchId = "batch-" + created.incrementAndGet();
                    files.put(batchId, new LinkedHashMap<>());
                    statuses.put(batchId, "loading");
                }
                Path file = in.getBody(Path.class);
                files.get(batchId).put(file.getFileName().toString(), rows(file));
            }
            case BatchSteps.COMPLETE -> complete(batchId, report);
            case BatchSteps.STATUS -> {
                // answered by the status header below
            }
            default -> throw new IllegalArgumentException("unknown step");
        }
        exchange.getMessage().setHeader(BatchSteps.BATCH_ID, batchId);
        exchange.getMessage().setHeader(BatchSteps.BATCH_STATUS, statuses.getOrDefault(batchId, BatchSteps.GONE));
        exchange.getMessage().setBody(report);
    }

    /** Forgets a batch, as AEP does with one it no longer knows. */
    void forget(String batchId) {
        files.remove(batchId);
        statuses.remove(batchId);
    }

    String status(String batchId) {
        return statuses.getOrDefault(batchId, BatchSteps.GONE);
    }

    private synchronized void complete(String batchId, DeliveryReport report) {
        List<JsonNode> rows = new ArrayList<>();
        files.get(batchId).values().forEach(rows::addAll);
        if ("loading".equals(statuses.get(batchId))) {
            String failure = behaviour.apply(batches.incrementAndGet());
            statuses.put(batchId, failure == null ? "success" : "failed");
            if (failure == null) {
                ingested.addAll(rows);
            } else {
                rows.forEach(row -> report.rejected(row.get("_id").asText(), failure));
            }
        }
        if ("success".equals(statuses.get(batchId))) {
            rows.forEach(row -> report.delivered(row.get("_id").asText()));
        }
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(Xdm.JSON.readTree(line));
        }
        return rows;
    }
}

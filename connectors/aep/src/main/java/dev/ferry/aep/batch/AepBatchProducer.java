package dev.ferry.aep.batch;

import dev.ferry.aep.AepDeliveryProducer;
import dev.ferry.aep.AepEndpoint;
import dev.ferry.aep.AepHeaders;
import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvents;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aep:batch}: ingests the exchange's events (or JSON Lines files) as one AEP batch: create it, upload the
 * files, complete it, then wait for Catalog to report success or failed. A failed batch ingests nothing; the rows
 * AEP names are rejected with its reason and the others are deferred, to go again in a new batch without them.
 * With the header {@link BatchSteps#STEP} an exchange is one step of a batch instead, so that the caller can
 * checkpoint between the uploads of one batch and find the batch again after a crash.
 */
public class AepBatchProducer extends AepDeliveryProducer {

    private AepBatchApi api;

    public AepBatchProducer(AepEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AepEndpoint endpoint = getEndpoint();
        api = new AepBatchApi(endpoint.http(), endpoint.getComponent().getPlatformUrl(), endpoint.effectiveDatasetId(),
                Duration.ofMillis(endpoint.getUploadTimeout()));
    }

    @Override
    protected DeliveryReport deliver(Exchange exchange) throws IOException {
        String step = exchange.getIn().getHeader(BatchSteps.STEP, String.class);
        if (step == null) {
            return wholeBatch(exchange);
        }
        return switch (step) {
            case BatchSteps.UPLOAD -> uploadStep(exchange);
            case BatchSteps.COMPLETE -> completeStep(exchange);
            case BatchSteps.STATUS -> statusStep(exchange);
            default -> throw new IllegalArgumentException("aep:batch: unknown " + BatchSteps.STEP + " '" + step
                    + "'; use " + BatchSteps.UPLOAD + ", " + BatchSteps.COMPLETE + " or " + BatchSteps.STATUS);
        };
    }

    private DeliveryReport wholeBatch(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        try (AepBatchFiles files = prepare(exchange.getIn().getBody())) {
            DeliveryReport report = new DeliveryReport();
            files.tooLarge().forEach(row -> report.rejected(row.eventId(), row.reason()));
            if (files.files().isEmpty()) {
                return report;
            }
            try {
                String batchId = api.create();
                message.setHeader(AepHeaders.BATCH_ID, batchId);
                for (AepBatchFile file : files.files()) {
                    api.upload(batchId, file);
                }
                api.complete(batchId);
                AepBatchStatus status = awaitFinal(batchId, message);
                settle(batchId, status, files.rowIds(), report, message);
            } catch (DeliveryException e) {
                report.deferred(e);
            }
            return report;
        }
    }

    /** Uploads one file into the batch the header names, or into a new one; the file is split if it is too large. */
    private DeliveryReport uploadStep(Exchange exchange) throws IOException {
        Path file = exchange.getIn().getBody(Path.class);
        if (file == null) {
            throw new IllegalArgumentException("aep:batch: the " + BatchSteps.UPLOAD + " step takes one JSON Lines file"
                    + " (a java.nio.file.Path) as the body");
        }
        long maxFileBytes = getEndpoint().getMaxFileBytes();
        if (Files.size(file) <= maxFileBytes) {
            // uploaded as it is: its rows are only named when the batch is completed, so it is not read here
            return upload(exchange, List.of(new AepBatchFile(file.getFileName().toString(), file, List.of())),
                    new DeliveryReport());
        }
        try (AepBatchFiles parts = AepBatchFiles.ofJsonLines(List.of(file), maxFileBytes)) {
            DeliveryReport report = new DeliveryReport();
            parts.tooLarge().forEach(row -> report.rejected(row.eventId(), row.reason()));
            return upload(exchange, parts.files(), report);
        }
    }

    private DeliveryReport upload(Exchange exchange, List<AepBatchFile> files, DeliveryReport report) {
        String batchId = exchange.getIn().getHeader(BatchSteps.BATCH_ID, String.class);
        try {
            if (batchId == null) {
                batchId = api.create();
            }
            exchange.getMessage().setHeader(BatchSteps.BATCH_ID, batchId);
            for (AepBatchFile file : files) {
                api.upload(batchId, file);
            }
        } catch (DeliveryException e) {
            report.deferred(e);
        }
        return report;
    }

    /** Completes the batch unless it is past loading (a completion that is retried), then waits for its end. */
    private DeliveryReport completeStep(Exchange exchange) throws IOException {
        String batchId = requiredBatchId(exchange, BatchSteps.COMPLETE);
        Message message = exchange.getMessage();
        Object body = exchange.getIn().getBody();
        List<Path> paths = body instanceof Collection<?> items ? items.stream().filter(Path.class::isInstance)
                .map(Path.class::cast).toList() : List.of();
        try (AepBatchFiles files = AepBatchFiles.ofJsonLines(paths, getEndpoint().getMaxFileBytes())) {
            DeliveryReport report = new DeliveryReport();
            try {
                AepBatchStatus status = api.status(batchId);
                if ("loading".equals(status.status())) {
                    api.complete(batchId);
                }
                status = status.isFinal() ? status : awaitFinal(batchId, message);
                message.setHeader(BatchSteps.BATCH_STATUS, status.status());
                settle(batchId, status, files.rowIds(), report, message);
            } catch (DeliveryException e) {
                report.deferred(e);
            }
            return report;
        }
    }

    private DeliveryReport statusStep(Exchange exchange) {
        String batchId = requiredBatchId(exchange, BatchSteps.STATUS);
        Message message = exchange.getMessage();
        DeliveryReport report = new DeliveryReport();
        try {
            Optional<AepBatchStatus> found = api.find(batchId);
            message.setHeader(BatchSteps.BATCH_STATUS, found.map(AepBatchStatus::status).orElse(BatchSteps.GONE));
            found.filter(AepBatchStatus::failed)
                    .ifPresent(status -> message.setHeader(AepHeaders.BATCH_ERROR_CODES, status.errorCodes()));
        } catch (DeliveryException e) {
            report.deferred(e);
        }
        return report;
    }

    private static String requiredBatchId(Exchange exchange, String step) {
        String batchId = exchange.getIn().getHeader(BatchSteps.BATCH_ID, String.class);
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("aep:batch: the " + step + " step needs the batch id in header "
                    + BatchSteps.BATCH_ID);
        }
        return batchId;
    }

    private AepBatchFiles prepare(Object body) throws IOException {
        long maxFileBytes = getEndpoint().getMaxFileBytes();
        if (body instanceof Path file) {
            return AepBatchFiles.ofJsonLines(List.of(file), maxFileBytes);
        }
        if (body instanceof Collection<?> items && !items.isEmpty() && items.stream().allMatch(Path.class::isInstance)) {
            return AepBatchFiles.ofJsonLines(items.stream().map(Path.class::cast).toList(), maxFileBytes);
        }
        return AepBatchFiles.ofEvents(OutboundEvents.from(body), maxFileBytes);
    }

    private AepBatchStatus awaitFinal(String batchId, Message message) {
        long timeout = getEndpoint().getBatchTimeout();
        long deadline = System.nanoTime() + Duration.ofMillis(timeout).toNanos();
        while (true) {
            AepBatchStatus status = api.status(batchId);
            message.setHeader(AepHeaders.BATCH_STATUS, status.status());
            if (status.isFinal()) {
                return status;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new DeliveryException(FailureKind.RETRYABLE, "batch " + batchId + " is still " + status.status()
                        + " after " + timeout + " ms (option batchTimeout); its events go again in a new batch");
            }
            try {
                Thread.sleep(getEndpoint().getBatchPollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(FailureKind.RETRYABLE, "interrupted while waiting for batch " + batchId,
                        null, e);
            }
        }
    }

    private static void settle(String batchId, AepBatchStatus status, List<String> rowIds, DeliveryReport report,
                               Message message) {
        if (status.succeeded()) {
            rowIds.forEach(report::delivered);
            return;
        }
        if (status.givenUp()) {
            report.deferred(new DeliveryException(FailureKind.RETRYABLE, "batch " + batchId + " was " + status.status()
                    + " in AEP; its events go again in a new batch"));
            return;
        }
        message.setHeader(AepHeaders.BATCH_ERROR_CODES, status.errorCodes());
        Map<Integer, String> reasons = reasonsByRow(status.errors(), rowIds.size());
        if (reasons.isEmpty()) {
            String reason = status.errors().isEmpty() ? "batch " + batchId + " failed without a reason"
                    : String.join("; ", status.errors().stream().map(AepBatchError::reason).toList());
            rowIds.forEach(id -> report.rejected(id, reason));
            return;
        }
        reasons.forEach((index, reason) -> report.rejected(rowIds.get(index), reason));
        int others = rowIds.size() - reasons.size();
        if (others > 0) {
            // Without partial ingestion a failed batch stores nothing: the valid rows were not ingested either.
            report.deferred(new DeliveryException(FailureKind.RETRYABLE, "batch " + batchId + " failed because of "
                    + reasons.size() + " rejected row(s); the other " + others + " go again in a new batch"));
        }
    }

    /** Row index (0-based) to the reasons AEP gave for it; a row named by several errors gets them all. */
    private static Map<Integer, String> reasonsByRow(List<AepBatchError> errors, int rowCount) {
        Map<Integer, List<String>> byRow = new LinkedHashMap<>();
        for (AepBatchError error : errors) {
            for (long row : error.rows()) {
                if (row >= 1 && row <= rowCount) {
                    byRow.computeIfAbsent((int) row - 1, r -> new ArrayList<>()).add(error.reason());
                }
            }
        }
        Map<Integer, String> reasons = new LinkedHashMap<>();
        byRow.forEach((row, list) -> reasons.put(row, String.join("; ", list)));
        return reasons;
    }
}

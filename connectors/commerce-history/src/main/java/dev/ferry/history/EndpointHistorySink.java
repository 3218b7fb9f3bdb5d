package dev.ferry.history;

import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.history.export.HistorySink;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** The sinkUri endpoint (aep:batch) as a {@link HistorySink}: one exchange per step, in {@link BatchSteps}. */
final class EndpointHistorySink implements HistorySink {

    private static final Set<String> SUCCEEDED = Set.of("success", "active");
    /** Ended without storing anything: failed rows, or aborted or abandoned by AEP. */
    private static final Set<String> NOT_INGESTED = Set.of("failed", "aborted", "abandoned");

    private final ProducerTemplate template;
    private final String uri;

    EndpointHistorySink(ProducerTemplate template, String uri) {
        this.template = template;
        this.uri = uri;
    }

    @Override
    public String upload(String batchId, Path file) {
        Exchange reply = step(BatchSteps.UPLOAD, batchId, file);
        DeliveryReport report = done(report(reply, "uploading " + file.getFileName()),
                "uploading " + file.getFileName());
        if (!report.rejections().isEmpty()) {
            throw new Unsettled("the sink " + uri + " could not take " + report.rejections().size() + " rows of "
                    + file.getFileName() + ": " + reasons(report));
        }
        String id = reply.getMessage().getHeader(BatchSteps.BATCH_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new Unsettled("the sink " + uri + " did not say which batch " + file.getFileName() + " went in");
        }
        return id;
    }

    @Override
    public BatchEnd complete(String batchId, List<Path> files) {
        Exchange reply = step(BatchSteps.COMPLETE, batchId, List.copyOf(files));
        DeliveryReport report = report(reply, "completing batch " + batchId);
        String status = reply.getMessage().getHeader(BatchSteps.BATCH_STATUS, String.class);
        if (SUCCEEDED.contains(status) && report.deferral().isEmpty()) {
            return BatchEnd.SUCCESS;
        }
        if (NOT_INGESTED.contains(status)) {
            String rejected = report.rejections().isEmpty() ? ""
                    : ": " + report.rejections().size() + " rows rejected (" + reasons(report) + ")";
            return BatchEnd.notIngested("batch " + batchId + " " + status + rejected
                    + report.deferral().filter(deferral -> report.rejections().isEmpty())
                    .map(deferral -> ": " + deferral.getMessage()).orElse(""));
        }
        throw new Unsettled("batch " + batchId + " is " + status + " in AEP"
                + report.deferral().map(deferral -> " (" + deferral.getMessage() + ")").orElse(""));
    }

    @Override
    public String status(String batchId) {
        Exchange reply = step(BatchSteps.STATUS, batchId, null);
        done(report(reply, "looking up batch " + batchId), "looking up batch " + batchId);
        String status = reply.getMessage().getHeader(BatchSteps.BATCH_STATUS, String.class);
        if (status == null) {
            throw new Unsettled("the sink " + uri + " did not say the status of batch " + batchId);
        }
        return status;
    }

    private Exchange step(String step, String batchId, Object body) {
        return template.send(uri, exchange -> {
            exchange.getIn().setHeader(BatchSteps.STEP, step);
            if (batchId != null) {
                exchange.getIn().setHeader(BatchSteps.BATCH_ID, batchId);
            }
            exchange.getIn().setBody(body);
        });
    }

    /** The step's answer; an exception or no report means the step's outcome is unknown. */
    private DeliveryReport report(Exchange reply, String what) {
        if (reply.getException() != null) {
            throw new Unsettled(what + " failed: the sink " + uri + " threw " + reply.getException().getMessage());
        }
        DeliveryReport report = reply.getMessage().getBody(DeliveryReport.class);
        if (report == null) {
            throw new Unsettled(what + ": the sink " + uri + " answered no DeliveryReport");
        }
        return report;
    }

    /** A step other than completion either happened or is deferred, with the reason. */
    private static DeliveryReport done(DeliveryReport report, String what) {
        if (report.deferral().isPresent()) {
            throw new Unsettled(what + " failed: " + report.deferral().get().getMessage());
        }
        return report;
    }

    private static String reasons(DeliveryReport report) {
        return report.rejections().stream().map(DeliveryReport.Rejection::reason).distinct().limit(3)
                .collect(Collectors.joining("; "));
    }
}

package dev.ferry.aep.batch;

import dev.ferry.aep.AepHeaders;
import dev.ferry.aep.AepTesting;
import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.Channel;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ferry.aep.AepTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;

class AepBatchIT {

    private static final String BATCH = "aep:batch?batchPollInterval=50&batchTimeout=10000";

    private static AepSandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aBatchOfEventsInSeveralFilesIsIngestedAndReportedSuccessful() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("batch-ok", 150);
        long uploadsBefore = requests(sandbox, "batch.fileUpload");

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), BATCH + "&maxFileBytes=20000")) {
            Exchange exchange = context.createProducerTemplate().request("direct:send", e -> e.getIn().setBody(events));

            DeliveryReport report = exchange.getMessage().getBody(DeliveryReport.class);
            assertThat(report.deliveredIds()).containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
            assertThat(report.deferral()).isEmpty();
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_ID, String.class)).hasSize(26);
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_STATUS)).isEqualTo("success");
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_ERROR_CODES)).isNull();
        }
        assertThat(requests(sandbox, "batch.fileUpload") - uploadsBefore).isGreaterThan(2);
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        assertThat(sandbox.events().list(1_000, Channel.BATCH, null)).extracting(r -> r.id())
                .containsAll(events.stream().map(OutboundEvent::id).toList());
    }

    @Test
    void aFailedBatchRejectsTheRowsAepNamesAndDefersTheOthersWhichThenSucceedAlone() throws Exception {
        List<OutboundEvent> events = new ArrayList<>(AepTesting.validEvents("batch-failed", 40));
        OutboundEvent first = AepTesting.withUnknownKey("batch-failed-bad", 1);
        OutboundEvent second = AepTesting.withUnknownKey("batch-failed-bad", 2);
        events.add(3, first);
        events.add(30, second);

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), BATCH + "&maxFileBytes=10000")) {
            Exchange exchange = context.createProducerTemplate().request("direct:send", e -> e.getIn().setBody(events));

            DeliveryReport report = exchange.getMessage().getBody(DeliveryReport.class);
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_STATUS)).isEqualTo("failed");
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_ERROR_CODES)).isEqualTo(List.of("INGEST-1211-400"));
            assertThat(report.rejections()).extracting(DeliveryReport.Rejection::eventId)
                    .containsExactly(first.id(), second.id());
            assertThat(report.rejections()).allSatisfy(rejection ->
                    assertThat(rejection.reason()).startsWith("INGEST-1211-400: "));
            assertThat(report.deliveredIds()).isEmpty();
            assertThat(report.deferral()).hasValueSatisfying(deferral -> {
                assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
                assertThat(deferral.getMessage()).contains("2 rejected row(s)", "other 40");
            });
            assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isZero());

            Set<String> rejected = report.rejections().stream().map(DeliveryReport.Rejection::eventId)
                    .collect(Collectors.toSet());
            List<OutboundEvent> rest = events.stream().filter(event -> !rejected.contains(event.id())).toList();
            DeliveryReport again = AepTesting.send(context, rest);

            assertThat(again.deliveredIds()).hasSize(40);
            assertThat(rest).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        }
    }

    @Test
    void readyMadeJsonLinesFilesAreIngestedAsTheyAre() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("batch-files", 30);
        Path first = Files.write(dir.resolve("orders-2023.json"),
                events.subList(0, 10).stream().map(OutboundEvent::json).toList());
        Path second = Files.write(dir.resolve("orders-2024.json"),
                events.subList(10, 30).stream().map(OutboundEvent::json).toList());

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), BATCH)) {
            report = AepTesting.send(context, List.of(first, second));
        }

        assertThat(report.deliveredIds()).containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        assertThat(first).exists();
    }

    @Test
    void aBatchStillProcessingAfterBatchTimeoutIsDeferredWithItsStatus() throws Exception {
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox),
                "aep:batch?batchPollInterval=10&batchTimeout=1")) {
            Exchange exchange = context.createProducerTemplate().request("direct:send",
                    e -> e.getIn().setBody(AepTesting.validEvents("batch-slow", 5)));

            DeliveryReport report = exchange.getMessage().getBody(DeliveryReport.class);
            assertThat(exchange.getMessage().getHeader(AepHeaders.BATCH_STATUS)).isEqualTo("processing");
            assertThat(report.deliveredIds()).isEmpty();
            assertThat(report.deferral()).hasValueSatisfying(deferral -> {
                assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
                assertThat(deferral.getMessage()).contains("still processing", "batchTimeout");
            });
        }
    }

    @Test
    void theStepsOfABatchUploadFilesOneByOneIntoTheSameBatchAndCompleteItOnceEvenWhenAskedAgain() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("batch-steps", 20);
        Path first = Files.write(dir.resolve("steps-1.json"),
                events.subList(0, 8).stream().map(OutboundEvent::json).toList());
        Path second = Files.write(dir.resolve("steps-2.json"),
                events.subList(8, 20).stream().map(OutboundEvent::json).toList());

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), BATCH)) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange uploaded = step(template, BatchSteps.UPLOAD, null, first);
            String batchId = uploaded.getMessage().getHeader(BatchSteps.BATCH_ID, String.class);
            step(template, BatchSteps.UPLOAD, batchId, second);
            Exchange loading = step(template, BatchSteps.STATUS, batchId, null);
            Exchange completed = step(template, BatchSteps.COMPLETE, batchId, List.of(first, second));
            Exchange completedAgain = step(template, BatchSteps.COMPLETE, batchId, List.of(first, second));
            Exchange unknown = step(template, BatchSteps.STATUS, "no-such-batch", null);

            assertThat(uploaded.getMessage().getBody(DeliveryReport.class).deferral()).isEmpty();
            assertThat(loading.getMessage().getHeader(BatchSteps.BATCH_STATUS)).isEqualTo("loading");
            assertThat(completed.getMessage().getHeader(BatchSteps.BATCH_STATUS)).isEqualTo("success");
            assertThat(completed.getMessage().getBody(DeliveryReport.class).deliveredIds())
                    .containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
            assertThat(completedAgain.getMessage().getHeader(BatchSteps.BATCH_STATUS)).isEqualTo("success");
            assertThat(unknown.getMessage().getHeader(BatchSteps.BATCH_STATUS)).isEqualTo(BatchSteps.GONE);
        }
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
    }

    private static Exchange step(ProducerTemplate template, String step, String batchId, Object body) {
        return template.request("direct:send", exchange -> {
            exchange.getIn().setHeader(BatchSteps.STEP, step);
            exchange.getIn().setHeader(BatchSteps.BATCH_ID, batchId);
            exchange.getIn().setBody(body);
        });
    }
}

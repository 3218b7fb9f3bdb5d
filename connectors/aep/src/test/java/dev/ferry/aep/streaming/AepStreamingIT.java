package dev.ferry.aep.streaming;

import dev.ferry.aep.AepHeaders;
import dev.ferry.aep.AepTesting;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.sandbox.AepSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ferry.aep.AepTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;

class AepStreamingIT {

    private static AepSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void hundredsOfValidEventsArriveOnceEachInOneRequestUnder1MB() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("streaming-valid", 500);
        long requestsBefore = requests(sandbox, "streaming.batch");

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:streaming")) {
            Exchange exchange = context.createProducerTemplate().request("direct:send",
                    e -> e.getIn().setBody(events));

            DeliveryReport report = exchange.getMessage().getBody(DeliveryReport.class);
            assertThat(report.deliveredIds()).containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
            assertThat(report.rejections()).isEmpty();
            assertThat(report.deferral()).isEmpty();
            assertThat(exchange.getMessage().getHeader(AepHeaders.DELIVERED)).isEqualTo(500);
        }
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        assertThat(requests(sandbox, "streaming.batch") - requestsBefore).isEqualTo(1);
    }

    @Test
    void requestsAreSplitAtMaxRequestBytesAndEveryEventStillArrives() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("streaming-split", 200);
        long requestsBefore = requests(sandbox, "streaming.batch");

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox),
                "aep:streaming?maxRequestBytes=20000")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.deliveredIds()).hasSize(200);
        assertThat(requests(sandbox, "streaming.batch") - requestsBefore).isGreaterThanOrEqualTo(5);
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
    }

    @Test
    void eachInvalidMessageIsRejectedWithDcssReasonWhileTheRestOfItsRequestIsDelivered() throws Exception {
        List<OutboundEvent> events = new ArrayList<>(AepTesting.validEvents("streaming-mixed", 150));
        List<OutboundEvent> invalid = List.of(AepTesting.withUnknownKey("streaming-mixed-bad", 1),
                AepTesting.withUnknownKey("streaming-mixed-bad", 2));
        events.add(0, invalid.get(0));
        events.add(77, invalid.get(1));
        long requestsBefore = requests(sandbox, "streaming.batch");

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:streaming")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.rejections()).extracting(DeliveryReport.Rejection::eventId)
                .containsExactlyElementsOf(invalid.stream().map(OutboundEvent::id).toList());
        assertThat(report.rejections()).allSatisfy(rejection -> assertThat(rejection.reason())
                .startsWith("400 inletId: [ferry-demo-connection]").contains("$.commerce.giftWrap"));
        assertThat(report.deliveredIds()).hasSize(150);
        assertThat(report.deferral()).isEmpty();
        assertThat(requests(sandbox, "streaming.batch") - requestsBefore).isEqualTo(1);
        assertThat(invalid).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isZero());
    }

    @Test
    void anUnknownConnectionDefersTheEventsInsteadOfRejectingThem() throws Exception {
        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox),
                "aep:streaming?streamingConnectionId=missing")) {
            report = AepTesting.send(context, AepTesting.validEvents("streaming-inlet", 5));
        }

        assertThat(report.rejections()).isEmpty();
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(deferral.getMessage()).contains("404 Inlet not found");
        });
    }
}

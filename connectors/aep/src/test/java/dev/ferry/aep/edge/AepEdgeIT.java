package dev.ferry.aep.edge;

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

class AepEdgeIT {

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
    void hundredsOfValidEventsArriveOnceEachInRequestsUnder64KB() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("edge-valid", 400);
        long requestsBefore = requests(sandbox, "edge.collect");

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:edge")) {
            Exchange exchange = context.createProducerTemplate().request("direct:send",
                    e -> e.getIn().setBody(events));

            DeliveryReport report = exchange.getMessage().getBody(DeliveryReport.class);
            assertThat(report.deliveredIds()).containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
            assertThat(report.rejections()).isEmpty();
            assertThat(report.deferral()).isEmpty();
            assertThat(exchange.getMessage().getHeader(AepHeaders.DELIVERED)).isEqualTo(400);
            assertThat(exchange.getMessage().getHeader(AepHeaders.REJECTED)).isEqualTo(0);
            assertThat(exchange.getMessage().getHeader(AepHeaders.DEFERRAL)).isNull();
        }
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        // 400 events of about 500 bytes cannot travel in one 64 KB request; the sandbox refuses larger ones.
        assertThat(requests(sandbox, "edge.collect") - requestsBefore).isBetween(3L, 10L);
    }

    @Test
    void onlyTheInvalidEventsAreRejectedWithEdgesReasonAndTheOthersDelivered() throws Exception {
        List<OutboundEvent> events = new ArrayList<>(AepTesting.validEvents("edge-mixed", 120));
        List<OutboundEvent> invalid = List.of(AepTesting.withUnknownKey("edge-mixed-bad", 1),
                AepTesting.withUnknownKey("edge-mixed-bad", 2), AepTesting.withUnknownKey("edge-mixed-bad", 3));
        events.add(5, invalid.get(0));
        events.add(60, invalid.get(1));
        events.add(events.size(), invalid.get(2));

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:edge")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.rejections()).extracting(DeliveryReport.Rejection::eventId)
                .containsExactlyInAnyOrderElementsOf(invalid.stream().map(OutboundEvent::id).toList());
        assertThat(report.rejections()).allSatisfy(rejection -> assertThat(rejection.reason())
                .startsWith("400 Invalid request").contains("$.commerce.giftWrap"));
        assertThat(report.deliveredIds()).hasSize(120);
        assertThat(report.deferral()).isEmpty();
        assertThat(invalid).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isZero());
        assertThat(events).filteredOn(event -> !invalid.contains(event))
                .allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
    }

    @Test
    void anEventTooLargeForOneRequestIsRejectedWithoutBeingSent() throws Exception {
        List<OutboundEvent> events = new ArrayList<>(AepTesting.validEvents("edge-large", 4));
        OutboundEvent large = AepTesting.validEvent("edge-large-big", 0).set("commerce.order.purchaseID", "p".repeat(3_000))
                .toOutbound();
        events.add(2, large);

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:edge?maxRequestBytes=2048")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.eventId()).isEqualTo(large.id());
            assertThat(rejection.reason()).contains("at most 2048 bytes");
        });
        assertThat(report.deliveredIds()).hasSize(4);
        assertThat(sandbox.events().list()).noneMatch(received -> received.id().equals(large.id()));
    }

    @Test
    void anUnknownDatastreamDefersTheEventsInsteadOfRejectingThem() throws Exception {
        DeliveryReport report;
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:edge?datastreamId=missing")) {
            report = AepTesting.send(context, AepTesting.validEvents("edge-datastream", 10));
        }

        assertThat(report.rejections()).isEmpty();
        assertThat(report.deliveredIds()).isEmpty();
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(deferral.getMessage()).contains("Invalid datastream ID", "check the datastreamId option");
        });
    }
}

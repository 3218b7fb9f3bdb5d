package dev.ferry.core.outbox;

import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.XdmEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRouteTest {

    private StateDatabase state;
    private CamelContext camel;
    private final List<String> sinkSaw = new CopyOnWriteArrayList<>();
    private volatile Consumer<Exchange> sink = exchange -> { };

    @BeforeEach
    void start() throws Exception {
        state = StateDatabase.open("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("state", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:source").to("outbox:test");
                from("direct:limited").to("outbox:limited?highWaterEvents=2&fullRetryAfter=7");
                from("outbox:test?pollInterval=20&initialBackoff=20&maxBackoff=100").routeId("drain").autoStartup(false)
                        .process(exchange -> {
                            @SuppressWarnings("unchecked")
                            List<OutboundEvent> events = exchange.getIn().getBody(List.class);
                            events.forEach(e -> sinkSaw.add(e.id()));
                            sink.accept(exchange);
                        });
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        state.close();
    }

    private static XdmEvent event(int n) {
        return XdmEvent.create("e" + n, Instant.parse("2026-11-01T00:00:00Z"), "commerce.productViews");
    }

    private void send(List<XdmEvent> events, Map<String, String> checkpoints) {
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBodyAndHeader("direct:source", events, OutboxHeaders.CHECKPOINTS, checkpoints);
    }

    @Test
    void eventsAndTheCheckpointTheyCarryAreCommittedTogether() {
        send(List.of(event(1), event(2)), Map.of("orders.watermark", "2026-11-01T00:00:00Z"));

        assertThat(state.outbox().backlog("test").events()).isEqualTo(2);
        assertThat(state.checkpoints().get("orders.watermark")).contains("2026-11-01T00:00:00Z");
    }

    @Test
    void anEventStillWaitingIsNotAddedTwice() {
        send(List.of(event(1), event(2)), null);
        send(List.of(event(2), event(3), event(3)), null);

        assertThat(state.outbox().backlog("test").events()).isEqualTo(3);
    }

    @Test
    void consumerDeliversInAcceptanceOrderAndEmptiesTheOutbox() throws Exception {
        IntStream.range(0, 30).forEach(i -> send(List.of(event(i)), null));

        camel.getRouteController().startRoute("drain");

        await().atMost(Duration.ofSeconds(10)).until(() -> state.outbox().backlog("test").events() == 0);
        assertThat(sinkSaw).containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void rejectedEventsGoToDeadLettersWithTheReasonAndTheOthersAreDelivered() throws Exception {
        sink = exchange -> {
            DeliveryReport report = new DeliveryReport();
            @SuppressWarnings("unchecked")
            List<OutboundEvent> events = exchange.getIn().getBody(List.class);
            events.forEach(e -> {
                if (e.id().equals("e2")) {
                    report.rejected(e.id(), "XDM invalid: commerce.notAField is not allowed");
                } else {
                    report.delivered(e.id());
                }
            });
            exchange.getMessage().setBody(report);
        };
        send(List.of(event(1), event(2), event(3)), null);

        camel.getRouteController().startRoute("drain");

        await().atMost(Duration.ofSeconds(10)).until(() -> state.outbox().backlog("test").events() == 0);
        assertThat(state.deadLetters().list(null, 10)).singleElement().satisfies(letter -> {
            assertThat(letter.event().id()).isEqualTo("e2");
            assertThat(letter.reason()).contains("notAField");
        });
        assertThat(sinkSaw).containsExactly("e1", "e2", "e3");
    }

    @Test
    void aFailingSinkKeepsEveryEventAndEachIsDeliveredOnceWhenItRecovers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        sink = exchange -> {
            if (calls.incrementAndGet() <= 3) {
                throw new DeliveryException(FailureKind.RETRYABLE, "connection refused");
            }
        };
        send(List.of(event(1), event(2)), null);

        camel.getRouteController().startRoute("drain");

        await().atMost(Duration.ofSeconds(10)).until(() -> state.outbox().backlog("test").events() == 0);
        assertThat(sinkSaw).containsExactly("e1", "e2", "e1", "e2", "e1", "e2", "e1", "e2");
        assertThat(calls).hasValue(4);
    }

    @Test
    void settledEventsOfAPartlyDeferredDeliveryAreNotSentAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        sink = exchange -> {
            DeliveryReport report = new DeliveryReport();
            @SuppressWarnings("unchecked")
            List<OutboundEvent> events = exchange.getIn().getBody(List.class);
            if (calls.incrementAndGet() == 1) {
                report.delivered(events.get(0).id());
                report.deferred(new DeliveryException(FailureKind.RATE_LIMITED, "429", Duration.ofMillis(50), null));
            } else {
                events.forEach(e -> report.delivered(e.id()));
            }
            exchange.getMessage().setBody(report);
        };
        send(List.of(event(1), event(2), event(3)), null);

        camel.getRouteController().startRoute("drain");

        await().atMost(Duration.ofSeconds(10)).until(() -> state.outbox().backlog("test").events() == 0);
        assertThat(sinkSaw).containsExactly("e1", "e2", "e3", "e2", "e3");
    }

    @Test
    void aboveItsHighWaterMarkTheOutboxRefusesNewEventsWithRetryAfterAndAddsNothing() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBody("direct:limited", List.of(event(1), event(2)));

        Exchange refused = template.send("direct:limited", e -> e.getIn().setBody(List.of(event(3))));

        assertThat(OutboxFullException.in(refused.getException())).hasValueSatisfying(full -> {
            assertThat(full.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(full.getMessage()).contains("outbox limited holds 2 events");
        });
        assertThat(state.outbox().backlog("limited").events()).isEqualTo(2);
    }

    @Test
    void replayedDeadLetterReturnsToItsChannel() {
        state.deadLetters().add("test", event(9).toOutbound(), "invalid");
        long id = state.deadLetters().list("INVALID", 10).get(0).id();

        assertThat(state.deadLetters().replay(List.of(id))).isEqualTo(1);

        assertThat(state.deadLetters().count()).isZero();
        assertThat(state.outbox().next("test", 10)).singleElement()
                .satisfies(record -> assertThat(record.event().id()).isEqualTo("e9"));
    }

    @Test
    void purgeRemovesOnlyDeadLettersOlderThanTheAge() {
        state.deadLetters().add("test", event(1).toOutbound(), "invalid");

        assertThat(state.deadLetters().purgeOlderThan(Duration.ofDays(30))).isZero();
        assertThat(state.deadLetters().purgeOlderThan(Duration.ZERO.minusSeconds(1))).isEqualTo(1);
    }
}

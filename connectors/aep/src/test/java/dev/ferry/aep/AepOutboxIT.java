package dev.ferry.aep;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.DeadLetter;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery route of the docs, {@code outbox:streaming -> aep:streaming}: the outbox settles each event from
 * the connector's report, sending AEP's rejects to dead letters and waiting out AEP's Retry-After for the rest.
 */
class AepOutboxIT {

    @Test
    void theOutboxDeadLettersWhatAepRejectsAndRetriesWhatItDeferredUntilEverythingIsSettled() throws Exception {
        List<OutboundEvent> valid = AepTesting.validEvents("outbox-valid", 120);
        List<OutboundEvent> invalid = List.of(AepTesting.withUnknownKey("outbox-bad", 1),
                AepTesting.withUnknownKey("outbox-bad", 2));
        List<OutboundEvent> events = new ArrayList<>(valid);
        events.add(10, invalid.get(0));
        events.add(100, invalid.get(1));

        try (AepSandbox sandbox = AepSandbox.start(AepTesting.SANDBOX);
             StateDatabase state = StateDatabase.open("jdbc:h2:mem:aep-outbox-it;DB_CLOSE_DELAY=-1", "", "");
             CamelContext context = new DefaultCamelContext()) {
            // Every second request is throttled and not retried in the exchange: the outbox must wait it out.
            sandbox.faults().apply(FaultSettings.builder().rateLimitEvery(2).retryAfterSeconds(1).build());
            AepComponent aep = AepTesting.component(sandbox);
            aep.setMaxAttempts(1);
            context.addComponent("aep", aep);
            context.getRegistry().bind("state", state);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:collect").to("outbox:streaming");
                    from("outbox:streaming?batchSize=50&pollInterval=20&initialBackoff=20").to("aep:streaming");
                }
            });
            context.start();
            long started = System.nanoTime();

            context.createProducerTemplate().sendBody("direct:collect", events);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> state.outbox().backlog("streaming").events() == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(state.deadLetters().list(null, 10)).extracting(DeadLetter::reason)
                    .hasSize(2).allSatisfy(reason -> assertThat(reason).contains("$.commerce.giftWrap"));
            assertThat(state.deadLetters().list(null, 10)).extracting(letter -> letter.event().id())
                    .containsExactlyInAnyOrderElementsOf(invalid.stream().map(OutboundEvent::id).toList());
            assertThat(valid).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        }
    }
}

package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReceivedEventsTest {

    @Test
    void listsNewestFirst() {
        ReceivedEvents events = new ReceivedEvents(10);
        events.record(accepted("a", Channel.EDGE));
        events.record(accepted("b", Channel.EDGE));

        assertThat(ids(events.list())).containsExactly("b", "a");
    }

    @Test
    void keepsOnlyTheNewestCapacityEvents() {
        ReceivedEvents events = new ReceivedEvents(3);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            events.record(accepted(id, Channel.STREAMING));
        }

        assertThat(ids(events.list())).containsExactly("e", "d", "c");
        assertThat(events.size()).isEqualTo(3);
        assertThat(events.countById("a")).isZero();
    }

    @Test
    void countsAcceptedEventsByIdToRevealDuplicates() {
        ReceivedEvents events = new ReceivedEvents(10);

        assertThat(events.record(accepted("order-1", Channel.EDGE))).isFalse();
        assertThat(events.record(rejected("order-1"))).isFalse();
        assertThat(events.record(accepted("order-1", Channel.BATCH))).isTrue();

        assertThat(events.countById("order-1")).isEqualTo(2);
    }

    @Test
    void filtersByChannelAndEventTypeAndLimits() {
        ReceivedEvents events = new ReceivedEvents(10);
        events.record(accepted("a", Channel.EDGE));
        events.record(accepted("b", Channel.STREAMING));
        events.record(accepted("c", Channel.STREAMING));

        assertThat(ids(events.list(10, Channel.STREAMING, null))).containsExactly("c", "b");
        assertThat(ids(events.list(1, null, "commerce.productViews"))).containsExactly("c");
        assertThat(events.list(10, null, "commerce.purchases")).isEmpty();
    }

    @Test
    void clearForgetsEventsAndTheirIds() {
        ReceivedEvents events = new ReceivedEvents(10);
        events.record(accepted("a", Channel.EDGE));

        events.clear();

        assertThat(events.list()).isEmpty();
        assertThat(events.countById("a")).isZero();
    }

    @Test
    void recordsFromManyThreadsWithoutLosingCounts() throws InterruptedException {
        ReceivedEvents events = new ReceivedEvents(100_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    events.record(accepted(thread + "-" + i, Channel.EDGE));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(events.size()).isEqualTo(20_000);
        assertThat(events.countById("3-4999")).isEqualTo(1);
    }

    @Test
    void exposesTheXdmAsJson() {
        ReceivedEvent event = accepted("a", Channel.EDGE);

        assertThat(event.xdm().get("_id").asText()).isEqualTo("a");
    }

    private static ReceivedEvent accepted(String id, Channel channel) {
        return new ReceivedEvent(id, "commerce.productViews", channel, Instant.now(), true, List.of(),
                "{\"_id\":\"" + id + "\"}");
    }

    private static ReceivedEvent rejected(String id) {
        return new ReceivedEvent(id, "commerce.productViews", Channel.EDGE, Instant.now(), false,
                List.of("$.commerce.giftWrap: not allowed"), "{}");
    }

    private static List<String> ids(List<ReceivedEvent> events) {
        return events.stream().map(ReceivedEvent::id).toList();
    }
}

package dev.ferry.core.outbox;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.StateDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BacklogGaugeTest {

    private final StateDatabase state =
            StateDatabase.open("jdbc:h2:mem:gauge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    private final Queue<Runnable> recounts = new ConcurrentLinkedQueue<>();
    private final Executor heldRecounts = recounts::add;

    @AfterEach
    void close() {
        state.close();
    }

    private void store(String id) {
        state.outbox().append("edge", List.of(new OutboundEvent(id, null, "{\"_id\":\"" + id + "\"}")));
    }

    @Test
    void theFirstCheckCountsTheBacklogInTheDatabase() {
        store("a");
        store("b");

        assertThat(new BacklogGauge("edge").current(state, heldRecounts).events()).isEqualTo(2);
    }

    @Test
    void laterChecksNeverWaitForARecountAndItsFigureReplacesTheEstimateWhenItEnds() {
        BacklogGauge gauge = new BacklogGauge("edge");
        gauge.current(state, heldRecounts);
        gauge.appended(3, 300);
        store("written-by-another-node");

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            gauge.current(state, heldRecounts);
            return !recounts.isEmpty();
        });
        assertThat(gauge.current(state, heldRecounts).events()).isEqualTo(3);
        assertThat(recounts).hasSize(1);

        recounts.poll().run();
        assertThat(gauge.current(state, heldRecounts).events()).isEqualTo(1);
    }
}

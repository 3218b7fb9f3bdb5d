package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchStateDatabase;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    @RegisterExtension
    final ScratchStateDatabase scratch = new ScratchStateDatabase();
    private StateDatabase state;

    private Outbox open(TestDatabase kind) {
        state = scratch.open(kind);
        return state.outbox();
    }

    private static OutboundEvent event(String id) {
        return new OutboundEvent(id, "shopper-" + id, "{\"_id\":\"" + id + "\"}");
    }

    private static List<String> ids(List<OutboxRecord> records) {
        return records.stream().map(record -> record.event().id()).toList();
    }

    @OnEveryStateDatabase
    void eachChannelHandsOutItsEventsInAcceptanceOrderAndAcknowledgedOnesLeave(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.append("edge", List.of(event("e3"), event("e1")));
        outbox.append("streaming", List.of(event("s1")));
        outbox.append("edge", List.of(event("e2")));

        List<OutboxRecord> firstTwo = outbox.next("edge", 2);
        assertThat(ids(firstTwo)).containsExactly("e3", "e1");
        assertThat(firstTwo.get(0).event().partitionKey()).isEqualTo("shopper-e3");
        assertThat(firstTwo.get(0).event().json()).isEqualTo("{\"_id\":\"e3\"}");
        assertThat(ids(outbox.next("streaming", 10))).containsExactly("s1");

        state.transact(connection -> outbox.remove(connection, firstTwo.stream().map(OutboxRecord::seq).toList()));

        assertThat(ids(outbox.next("edge", 10))).containsExactly("e2");
        assertThat(ids(outbox.next("streaming", 10))).containsExactly("s1");
    }

    @OnEveryStateDatabase
    void anEventWhoseIdAlreadyWaitsInTheChannelIsNotAddedTwiceButMayWaitInAnother(TestDatabase kind) {
        Outbox outbox = open(kind);
        assertThat(outbox.append("edge", List.of(event("a"), event("b"))).events()).isEqualTo(2);

        Outbox.Appended again = outbox.append("edge", List.of(event("b"), event("c"), event("c")));

        assertThat(again.events()).isEqualTo(1);
        assertThat(ids(outbox.next("edge", 10))).containsExactly("a", "b", "c");
        assertThat(outbox.append("streaming", List.of(event("a"))).events()).isEqualTo(1);
    }

    @OnEveryStateDatabase
    void idsThatDifferOnlyInLetterCaseAreTwoEvents(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.append("edge", List.of(event("order-AB12")));

        Outbox.Appended other = outbox.append("edge", List.of(event("order-ab12")));

        assertThat(other.events()).isEqualTo(1);
        assertThat(ids(outbox.next("edge", 10))).containsExactly("order-AB12", "order-ab12");
    }

    @OnEveryStateDatabase
    void aLargeNonAsciiPayloadComesBackUnchanged(TestDatabase kind) {
        Outbox outbox = open(kind);
        String name = "Grüße aus Köln \uD83D\uDED2 東京 ";
        String json = "{\"_id\":\"big\",\"name\":\"" + name.repeat(30_000) + "\"}";

        outbox.append("edge", List.of(new OutboundEvent("big", null, json)));

        OutboxRecord record = outbox.next("edge", 1).get(0);
        assertThat(record.event().json()).isEqualTo(json);
        assertThat(record.event().partitionKey()).isNull();
    }

    @OnEveryStateDatabase
    void theBacklogCountsEventsBytesAndTheOldestPerChannelAndInAll(TestDatabase kind) {
        Outbox outbox = open(kind);
        assertThat(outbox.backlog("edge")).isEqualTo(new Outbox.Backlog(0, 0, null));
        long before = System.currentTimeMillis();
        outbox.append("edge", IntStream.range(0, 3).mapToObj(i -> event("e" + i)).toList());
        outbox.append("streaming", List.of(event("s0")));

        Outbox.Backlog edge = outbox.backlog("edge");
        assertThat(edge.events()).isEqualTo(3);
        assertThat(edge.bytes()).isEqualTo(3L * event("e0").sizeInBytes());
        assertThat(edge.oldestCreatedAtMillis()).isBetween(before, System.currentTimeMillis());
        assertThat(outbox.backlog(null).events()).isEqualTo(4);
    }

    @OnEveryStateDatabase
    void failedAttemptsAreCountedOnTheEventsThatStay(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.append("edge", List.of(event("a"), event("b")));
        OutboxRecord a = outbox.next("edge", 1).get(0);

        outbox.recordAttempt(List.of(a.seq()));
        outbox.recordAttempt(List.of(a.seq()));

        assertThat(outbox.next("edge", 2)).extracting(OutboxRecord::attempts).containsExactly(2, 0);
    }

    @OnEveryStateDatabase
    void reopeningTheDatabaseKeepsWhatWaitsAndAppendsAfterIt(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.append("edge", List.of(event("before")), Map.of("orders.watermark", "1"));
        state = scratch.reopen();
        state.outbox().append("edge", List.of(event("after")));

        assertThat(ids(state.outbox().next("edge", 10))).containsExactly("before", "after");
        assertThat(state.checkpoints().get("orders.watermark")).contains("1");
    }
}

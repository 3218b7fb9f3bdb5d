package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchStateDatabase;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @RegisterExtension
    final ScratchStateDatabase scratch = new ScratchStateDatabase();
    private StateDatabase state;

    private DeadLetters open(TestDatabase kind) {
        state = scratch.open(kind);
        return state.deadLetters();
    }

    private static OutboundEvent event(String id) {
        return new OutboundEvent(id, "p-" + id, "{\"_id\":\"" + id + "\"}");
    }

    @OnEveryStateDatabase
    void lettersAreListedNewestFirstFilteredByReasonRegardlessOfCaseAndLimited(TestDatabase kind) {
        DeadLetters letters = open(kind);
        letters.add("edge", event("a"), "XDM validation failed: commerce.order missing");
        letters.add("edge", event("b"), "payload too large");
        letters.add("streaming", event("c"), "xdm VALIDATION failed: _id");

        assertThat(letters.list(null, 10)).extracting(letter -> letter.event().id()).containsExactly("c", "b", "a");
        assertThat(letters.list("Xdm Validation", 10)).extracting(letter -> letter.event().id())
                .containsExactly("c", "a");
        assertThat(letters.list(null, 1)).extracting(letter -> letter.event().id()).containsExactly("c");
        DeadLetter b = letters.find(letters.list("too large", 1).get(0).id()).orElseThrow();
        assertThat(b.channel()).isEqualTo("edge");
        assertThat(b.event()).isEqualTo(event("b"));
        assertThat(letters.count()).isEqualTo(3);
    }

    @OnEveryStateDatabase
    void aLetterAddedOnceIsKeptOnceHoweverOftenItComesAgainInItsChannel(TestDatabase kind) {
        DeadLetters letters = open(kind);
        String channel = "commerce-orders" + DeadLetters.UNMAPPABLE_SUFFIX;

        assertThat(letters.addOnce(channel, event("order-7"), "no increment_id")).isTrue();
        assertThat(letters.addOnce(channel, event("order-7"), "no increment_id")).isFalse();
        assertThat(letters.addOnce("commerce-history" + DeadLetters.UNMAPPABLE_SUFFIX, event("order-7"),
                "no increment_id")).as("another channel").isTrue();
        assertThat(letters.addOnce(channel, event("order-8"), "no increment_id")).isTrue();

        assertThat(letters.list(null, 10)).extracting(letter -> letter.channel() + " " + letter.event().id())
                .containsExactly("commerce-orders.unmappable order-8", "commerce-history.unmappable order-7",
                        "commerce-orders.unmappable order-7");
    }

    @OnEveryStateDatabase
    void aReasonLongerThanTheColumnIsKeptShortened(TestDatabase kind) {
        DeadLetters letters = open(kind);

        letters.add("edge", event("long"), "é".repeat(5_000));

        assertThat(letters.list(null, 1).get(0).reason()).hasSize(4_000);
    }

    @OnEveryStateDatabase
    void replayPutsLettersBackInTheirChannelAndLeavesUnmappableRows(TestDatabase kind) {
        DeadLetters letters = open(kind);
        letters.add("edge", event("fixed"), "invalid");
        letters.add("orders" + DeadLetters.UNMAPPABLE_SUFFIX, event("rows"), "sales_order 7 has no items");
        letters.add("streaming", event("also-fixed"), "invalid");

        int replayed = letters.replay(letters.allIds());

        assertThat(replayed).isEqualTo(2);
        assertThat(state.outbox().next("edge", 10)).extracting(record -> record.event()).containsExactly(event("fixed"));
        assertThat(state.outbox().next("streaming", 10)).extracting(record -> record.event().id())
                .containsExactly("also-fixed");
        assertThat(letters.list(null, 10)).extracting(DeadLetter::channel)
                .containsExactly("orders" + DeadLetters.UNMAPPABLE_SUFFIX);
    }

    @OnEveryStateDatabase
    void purgeDeletesOnlyLettersOlderThanTheAge(TestDatabase kind) throws InterruptedException {
        DeadLetters letters = open(kind);
        letters.add("edge", event("old"), "invalid");
        Thread.sleep(2_000);
        letters.add("edge", event("young"), "invalid");

        assertThat(letters.purgeOlderThan(Duration.ofDays(1))).isZero();
        assertThat(letters.purgeOlderThan(Duration.ofMillis(1_500))).isEqualTo(1);

        assertThat(letters.list(null, 10)).extracting(letter -> letter.event().id()).containsExactly("young");
    }

    @OnEveryStateDatabase
    void aPurgeLargerThanOneSliceDeletesEveryOldLetterSliceBySlice(TestDatabase kind) throws InterruptedException {
        DeadLetters letters = open(kind);
        for (int i = 0; i < 7; i++) {
            letters.add("edge", event("old-" + i), "invalid");
        }
        Thread.sleep(1_500);
        letters.add("edge", event("young"), "invalid");

        assertThat(letters.purgeOlderThan(Duration.ofMillis(1_000), 3)).isEqualTo(7);

        assertThat(letters.list(null, 10)).extracting(letter -> letter.event().id()).containsExactly("young");
    }
}

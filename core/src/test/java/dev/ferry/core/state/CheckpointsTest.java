package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchStateDatabase;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointsTest {

    @RegisterExtension
    final ScratchStateDatabase scratch = new ScratchStateDatabase();
    private StateDatabase state;

    private void open(TestDatabase kind) {
        state = scratch.open(kind);
    }

    @OnEveryStateDatabase
    void aCheckpointIsWrittenThenMovedAndNamesDifferingInCaseAreTwo(TestDatabase kind) {
        open(kind);
        assertThat(state.checkpoints().get("orders.sales_order")).isEmpty();

        state.checkpoints().put("orders.sales_order", "2026-11-23T10:00:00Z|41");
        state.checkpoints().put("orders.sales_order", "2026-11-23T10:05:00Z|42");
        state.checkpoints().put("ORDERS.sales_order", "other");

        assertThat(state.checkpoints().get("orders.sales_order")).contains("2026-11-23T10:05:00Z|42");
        assertThat(state.checkpoints().get("ORDERS.sales_order")).contains("other");
    }

    @OnEveryStateDatabase
    void checkpointsAreFoundByTheirNamesStartReadingWildcardsAsPlainCharacters(TestDatabase kind) {
        open(kind);
        state.checkpoints().put("history:a_b", "1");
        state.checkpoints().put("history:a%c", "2");
        state.checkpoints().put("history:axb", "3");
        state.checkpoints().put("History:a_b", "4");
        state.checkpoints().put("history-run:a_b", "5");

        assertThat(state.checkpoints().startingWith("history:"))
                .isEqualTo(Map.of("history:a%c", "2", "history:a_b", "1", "history:axb", "3"));
        assertThat(state.checkpoints().startingWith("history:a_")).containsOnlyKeys("history:a_b");
        assertThat(state.checkpoints().startingWith("history:a%")).containsOnlyKeys("history:a%c");
        assertThat(state.checkpoints().startingWith("nothing:")).isEmpty();
    }

    @OnEveryStateDatabase
    void aCheckpointIsCreatedReplacedAndRemovedOnlyAsItsWriterLastSawIt(TestDatabase kind) {
        open(kind);

        assertThat(state.checkpoints().putIfAbsent("lease", "a")).isTrue();
        assertThat(state.checkpoints().putIfAbsent("lease", "b")).isFalse();
        assertThat(state.checkpoints().replace("lease", "b", "c")).isFalse();
        assertThat(state.checkpoints().replace("lease", "a", "c")).isTrue();
        state.checkpoints().remove("lease", "a");
        assertThat(state.checkpoints().get("lease")).contains("c");
        state.checkpoints().remove("lease", "c");
        assertThat(state.checkpoints().get("lease")).isEmpty();
        assertThat(state.checkpoints().replace("lease", "c", "d")).isFalse();
    }

    @OnEveryStateDatabase
    void ofWritersRacingToCreateACheckpointOneWins(TestDatabase kind) throws Exception {
        open(kind);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String value = "writer " + i;
                created.add(writers.submit(() -> {
                    go.await();
                    return state.checkpoints().putIfAbsent("lease", value);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> one : created) {
                winners += one.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            writers.shutdownNow();
        }
    }

    @OnEveryStateDatabase
    void aCheckpointMovesOnlyWhenItsEventsAreCommitted(TestDatabase kind) {
        open(kind);
        state.outbox().append("orders", List.of(new OutboundEvent("o1", null, "{}")), Map.of("orders.watermark", "1"));

        assertThatThrownBy(() -> state.transact(connection -> {
            state.checkpoints().put(connection, "orders.watermark", "2");
            state.outbox().append(connection, "orders", List.of(new OutboundEvent("o2", null, "{}")));
            throw new IllegalStateException("the source failed before its commit");
        })).hasMessageContaining("the source failed");

        assertThat(state.checkpoints().get("orders.watermark")).contains("1");
        assertThat(state.outbox().backlog("orders").events()).isEqualTo(1);
    }

    @OnEveryStateDatabase
    void aFirstWriteOfACheckpointWaitingOnAnotherUncommittedFirstWriteSucceedsAfterIt(TestDatabase kind)
            throws Exception {
        open(kind);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> state.transact(connection -> {
                state.checkpoints().put(connection, "history.page", "first");
                firstWrote.countDown();
                await(commitFirst);
            }));
            await(firstWrote);
            Future<?> second = writers.submit(() -> state.checkpoints().put("history.page", "second"));
            // Long enough for the second write to reach the row the first holds, short of any lock timeout.
            Thread.sleep(300);
            commitFirst.countDown();

            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            writers.shutdownNow();
        }
        assertThat(state.checkpoints().get("history.page")).contains("second");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCheckpointLongerThan4000CharactersIsKeptEvenInADatabaseCreatedWithThatLimit() throws Exception {
        Path dir = Files.createTempDirectory("ferry-checkpoints");
        String url = "jdbc:h2:file:" + dir.resolve("state");
        try (Connection old = DriverManager.getConnection(url, "", "");
             Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE ferry_checkpoint (name VARCHAR(200) NOT NULL PRIMARY KEY, "
                    + "checkpoint_value VARCHAR(4000) NOT NULL, updated_at BIGINT NOT NULL)");
            statement.execute("INSERT INTO ferry_checkpoint VALUES ('kept', 'value', 0)");
        }
        String large = "placed:1@1790000000,".repeat(10_000);

        try (StateDatabase state = StateDatabase.open(url, "", "")) {
            state.checkpoints().put("large", large);

            assertThat(state.checkpoints().get("large")).contains(large);
            assertThat(state.checkpoints().get("kept")).contains("value");
        }
    }
}

package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TcpProxy;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    private ScratchDatabase database;
    private StateDatabase state;
    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    private void open(TestDatabase kind) {
        database = kind.create();
        state = StateDatabase.open(database.url(), database.user(), database.password());
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        if (state != null) {
            state.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static List<OutboundEvent> events(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new OutboundEvent(prefix + i, "shopper", "{\"_id\":\"" + prefix + i + "\"}")).toList();
    }

    @OnEveryStateDatabase
    void everyConcurrentAppendIsStoredWhenItReturnsAndReportsWhatItAdded(TestDatabase kind) {
        open(kind);
        List<CompletableFuture<Outbox.Appended>> appends = new ArrayList<>();
        for (int request = 0; request < 200; request++) {
            List<OutboundEvent> batch = events("r" + request + "-", 20);
            appends.add(CompletableFuture.supplyAsync(() -> {
                Outbox.Appended appended = state.outbox().append("edge", batch, Map.of());
                assertThat(state.outbox().backlog("edge").events()).isGreaterThanOrEqualTo(20);
                return appended;
            }, callers));
        }

        assertThat(appends).allSatisfy(append -> assertThat(append.join().events()).isEqualTo(20));
        assertThat(state.outbox().backlog("edge").events()).isEqualTo(200 * 20);
    }

    @OnEveryStateDatabase
    void anEventSentByTwoConcurrentAppendsIsStoredOnce(TestDatabase kind) {
        open(kind);
        List<OutboundEvent> same = events("same-", 5);
        List<CompletableFuture<Outbox.Appended>> appends = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> state.outbox().append("edge", same, Map.of()), callers))
                .toList();

        int added = appends.stream().mapToInt(append -> append.join().events()).sum();
        assertThat(added).isEqualTo(5);
        assertThat(state.outbox().backlog("edge").events()).isEqualTo(5);
    }

    @OnEveryStateDatabase
    void aFailingAppendFailsAloneAndItsConcurrentAppendsAreStored(TestDatabase kind) {
        open(kind);
        String tooLongName = "x".repeat(300); // checkpoint names are at most 200 characters
        List<CompletableFuture<Outbox.Appended>> good = new ArrayList<>();
        List<CompletableFuture<Outbox.Appended>> bad = new ArrayList<>();
        for (int request = 0; request < 50; request++) {
            List<OutboundEvent> batch = events("g" + request + "-", 10);
            good.add(CompletableFuture.supplyAsync(() -> state.outbox().append("edge", batch, Map.of()), callers));
            List<OutboundEvent> doomed = events("b" + request + "-", 10);
            Map<String, String> checkpoints = new LinkedHashMap<>();
            checkpoints.put("doomed." + request, "written first");
            checkpoints.put(tooLongName, "fails");
            bad.add(CompletableFuture.supplyAsync(() -> state.outbox().append("edge", doomed, checkpoints), callers));
        }

        assertThat(good).allSatisfy(append -> assertThat(append.join().events()).isEqualTo(10));
        assertThat(bad).allSatisfy(append -> assertThatThrownBy(append::join).hasCauseInstanceOf(StateException.class));
        assertThat(state.outbox().backlog("edge").events()).isEqualTo(50 * 10);
        for (int request = 0; request < 50; request++) {
            assertThat(state.checkpoints().get("doomed." + request)).isEmpty();
        }
    }

    @OnEveryStateDatabase
    void checkpointsAreCommittedWithTheirEvents(TestDatabase kind) {
        open(kind);
        state.outbox().append("orders", events("o-", 3), Map.of("orders.watermark", "2026-11-23T10:00:00Z"));

        assertThat(state.outbox().backlog("orders").events()).isEqualTo(3);
        assertThat(state.checkpoints().get("orders.watermark")).contains("2026-11-23T10:00:00Z");
    }

    @OnEveryStateDatabase
    void anAppendAfterCloseIsRefused(TestDatabase kind) {
        open(kind);
        state.outbox().append("edge", events("before-", 1), Map.of());
        state.close();

        assertThatThrownBy(() -> state.outbox().append("edge", events("after-", 1), Map.of()))
                .isInstanceOf(StateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void whileTheDatabaseIsUnreachableEveryConcurrentAppendFailsWithinTwoConnectionTimeouts(TestDatabase kind) {
        database = kind.create();
        try (TcpProxy proxy = TcpProxy.to(database.port())) {
            state = StateDatabase.open(database.urlThroughPort(proxy.port()), database.user(), database.password());
            state.outbox().append("edge", events("before-", 1), Map.of());
            proxy.cut();

            long started = System.nanoTime();
            List<CompletableFuture<Outbox.Appended>> appends = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> state.outbox().append("edge", events("cut" + i + "-", 5), Map.of()), callers))
                    .toList();

            assertThat(appends).allSatisfy(append -> assertThatThrownBy(append::join)
                    .hasCauseInstanceOf(StateException.class));
            // One group waits out the connection timeout, and the appends that queued behind it one more.
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofMillis(2 * StateDatabase.CONNECTION_TIMEOUT_MILLIS + 1_500));

            proxy.restore();
            assertThat(state.outbox().append("edge", events("after-", 1), Map.of()).events()).isEqualTo(1);
            assertThat(state.outbox().backlog("edge").events()).isEqualTo(2);
        }
    }
}

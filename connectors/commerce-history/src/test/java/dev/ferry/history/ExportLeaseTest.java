package dev.ferry.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.state.Lease.Holder;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.history.export.HistoryStopped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One run per export name across the processes sharing a state database, without trapping a crashed run's name. */
class ExportLeaseTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    private final StateDatabase state = StateDatabase.open("jdbc:h2:mem:lease-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "", "");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aSecondRunOfTheSameNameIsRefusedWhileTheFirstHoldsItAndStartsOnceItEnded() {
        ExportLease first = ExportLease.claim(state, "orders", clock);

        assertThatThrownBy(() -> ExportLease.claim(state, "orders", clock))
                .isInstanceOf(HistoryAlreadyRunning.class)
                .hasMessageContaining("history export 'orders' is already running (since " + NOW + ", in process "
                        + ProcessHandle.current().pid() + " on ");
        ExportLease.claim(state, "nightly", clock).close();
        first.close();
        ExportLease.claim(state, "orders", clock).close();
    }

    @Test
    void aRunOfAnotherHostKeepsTheNameUntilItWentUnrenewedForTheTimeout() {
        Holder elsewhere = new Holder("other-host", 4711, NOW.toEpochMilli(), NOW.toEpochMilli());
        ExportLease theirs = ExportLease.claim(state, "orders", clock, elsewhere);
        Instant almost = NOW.plus(ExportLease.TIMEOUT);

        assertThatThrownBy(() -> ExportLease.claim(state, "orders", Clock.fixed(almost, ZoneOffset.UTC)))
                .hasMessageContaining("in process 4711 on other-host");
        ExportLease.claim(state, "orders", Clock.fixed(almost.plusMillis(1), ZoneOffset.UTC)).close();
        assertThat(theirs.renew()).as("the run that lost its lease learns it").isFalse();
        theirs.close();
    }

    @Test
    void aRunWhoseNameWasTakenOverStopsAtItsNextCheckpoint() {
        Holder elsewhere = new Holder("other-host", 4711, NOW.toEpochMilli(), NOW.toEpochMilli());
        ExportLease stalled = ExportLease.claim(state, "orders", clock, elsewhere);
        stalled.confirm();
        ExportLease takeover = ExportLease.claim(state, "orders",
                Clock.fixed(NOW.plus(ExportLease.TIMEOUT).plusSeconds(1), ZoneOffset.UTC));

        assertThatThrownBy(stalled::confirm).isInstanceOf(HistoryStopped.class)
                .hasMessageStartingWith("history export 'orders' stopped: process " + ProcessHandle.current().pid()
                        + " on ")
                .hasMessageContaining("took its run over");
        stalled.close();
        takeover.confirm();
        takeover.close();
    }

    @Test
    void aRenewedRunKeepsTheNamePastTheTimeout() {
        Holder elsewhere = new Holder("other-host", 4711, NOW.toEpochMilli(), NOW.toEpochMilli());
        Instant later = NOW.plus(ExportLease.TIMEOUT);
        ExportLease theirs = ExportLease.claim(state, "orders", Clock.fixed(later, ZoneOffset.UTC), elsewhere);

        assertThat(theirs.renew()).isTrue();

        assertThatThrownBy(() -> ExportLease.claim(state, "orders", Clock.fixed(later.plusSeconds(60),
                ZoneOffset.UTC))).isInstanceOf(HistoryAlreadyRunning.class);
        theirs.close();
    }

    @Test
    void aRunWhoseProcessOnThisHostIsGoneLeavesItsNameAtOnce() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Holder self = Holder.self(NOW);
        ExportLease crashed = ExportLease.claim(state, "orders", clock, new Holder(self.host(), finished.pid(),
                NOW.toEpochMilli(), NOW.toEpochMilli()));

        ExportLease.claim(state, "orders", clock).close();
        crashed.close();
    }
}

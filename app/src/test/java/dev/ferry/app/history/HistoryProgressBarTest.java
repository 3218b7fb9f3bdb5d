package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter written = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void inALogALinePerTenSecondsWithThePercentageAndTheEndOnce() {
        HistoryProgressBar progress = new HistoryProgressBar(new PrintWriter(written), false, now::get);

        progress.update(0, 1_000, 0);
        now.addAndGet(4 * SECOND);
        progress.update(200, 1_000, 700);
        now.addAndGet(6 * SECOND);
        progress.update(500, 1_000, 1_700);
        now.addAndGet(SECOND);
        progress.update(1_000, 1_000, 3_400);
        now.addAndGet(30 * SECOND);
        progress.update(1_000, 1_000, 3_400);

        assertThat(written.toString().lines()).containsExactly(
                "0 / 1,000 orders (0 %)  0 events  0 orders/s  ETA -",
                "500 / 1,000 orders (50 %)  1,700 events  50 orders/s  ETA 0m10s",
                "1,000 / 1,000 orders (100 %)  3,400 events  91 orders/s  ETA -");
    }

    @Test
    void onATerminalABarRedrawnInPlaceThatEndsItsLineOnce() {
        HistoryProgressBar progress = new HistoryProgressBar(new PrintWriter(written), true, now::get);

        progress.update(0, 4, 0);
        now.addAndGet(SECOND);
        progress.update(2, 4, 7);
        now.addAndGet(SECOND);
        progress.update(4, 4, 14);
        progress.update(4, 4, 14);

        assertThat(written.toString()).isEqualTo("\r[------------------------------] 0 / 4 orders  0 events  0 orders/s"
                + "  ETA -\r[###############---------------] 2 / 4 orders  7 events  2 orders/s  ETA 0m1s"
                + "\r[##############################] 4 / 4 orders  14 events  2 orders/s  ETA -" + System.lineSeparator());
    }
}

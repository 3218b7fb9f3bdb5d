package dev.ferry.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySummaryTest {

    @Test
    void countsAreGroupedLikeTheProgressLineAndSingularWhenOne() {
        assertThat(new HistorySummary(1_000_000, 3_298_000, 18, 5, 0, 1, Duration.ofSeconds(98), List.of()))
                .hasToString("1,000,000 orders, 3,298,000 events, 18 files, 5 batches (0 failed), 1 order in dead"
                        + " letters, 98 s");
        assertThat(new HistorySummary(1, 1, 1, 1, 1, 0, Duration.ofMillis(400), List.of()))
                .hasToString("1 order, 1 event, 1 file, 1 batch (1 failed), 0 orders in dead letters, 0 s");
    }
}

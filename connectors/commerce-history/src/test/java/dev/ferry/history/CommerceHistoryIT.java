package dev.ferry.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.history.export.HistoryCheckpoint;
import dev.ferry.history.export.HistoryExport;
import dev.ferry.history.export.HistoryProgress;
import dev.ferry.history.export.HistoryStopped;
import dev.ferry.history.export.HistorySummary;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * commerce-history: on a real MariaDB with four years of Magento orders, into a recording batch sink. What the
 * sink ingested is compared with what Magento's tables say the order poller would have sent for the same orders,
 * counted with plain SQL per change kind.
 */
class CommerceHistoryIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_it_" + ProcessHandle.current().pid();
    private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

    private static MariaDbServer server;
    private static DataSource commerce;

    @TempDir
    Path outDir;
    private StateDatabase state;
    private CamelContext camel;
    private final RecordingBatchSink sink = new RecordingBatchSink();
    /** Every row of every batch the sink ingested, in order, doubles included. */
    private final List<JsonNode> ingested = sink.ingested;
    private final AtomicInteger batches = sink.batches;

    @BeforeAll
    static void seed() throws SQLException {
        server = MariaDbServer.machineOrEmbedded();
        commerce = new CommerceSampleData(5).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(20).withOrders(240)
                        .withCreatedBetween(Instant.parse("2021-06-01T00:00:00Z"),
                                Instant.parse("2026-06-01T00:00:00Z")));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @BeforeEach
    void start() throws Exception {
        state = StateDatabase.open("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("state", state);
        camel.getRegistry().bind("commerceDb", commerce);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink").process(sink);
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        state.close();
    }

    private HistorySummary export(String options) {
        return camel.createProducerTemplate().requestBody("commerce-history:orders?dataSource=#commerceDb&outDir="
                + outDir + "&from=" + FROM + "&to=" + TO + options, null, HistorySummary.class);
    }

    private HistorySummary exportToSink(String options) {
        return export("&sinkUri=direct:sink" + options);
    }

    /** An export to the sink that dies after its ninth page, as Ctrl-C ended it before, its checkpoint left behind. */
    private void exportInterruptedAfterNinePages() {
        AtomicInteger pages = new AtomicInteger();
        camel.getRegistry().bind("interrupting", (HistoryProgress) (done, total, events) -> {
            if (pages.incrementAndGet() == 9) {
                throw new IllegalStateException("Ctrl-C");
            }
        });
        assertThatThrownBy(() -> exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&progress=#interrupting"))
                .hasRootCauseMessage("Ctrl-C");
        assertThat(ingested).as("what the sink got before the export died").isNotEmpty();
    }

    /** The sink got every event of the range, and each once. */
    private void assertEveryEventIngestedOnce() throws SQLException {
        assertThat(ingested.stream().map(row -> row.get("_id").asText()).distinct().count())
                .isEqualTo(ingested.size());
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
    }

    @Test
    void aMultiYearRangeAcrossManyPagesFilesAndBatchesSendsExactlyTheOrdersPollersEvents() throws Exception {
        HistorySummary summary = exportToSink("&pageSize=7&fileSize=60000&filesPerBatch=3");

        Map<String, Long> expected = expectedEventsByType();
        assertThat(summary.orders()).isEqualTo(ordersInRange());
        assertThat(summary.events()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(summary.failedBatches()).isZero();
        assertThat(summary.batches()).isEqualTo(batches.get()).isGreaterThan(2);
        assertThat(countByType(ingested)).isEqualTo(expected);
        assertThat(ingested.stream().map(row -> row.get("_id").asText()).distinct().count())
                .isEqualTo(ingested.size());
        for (JsonNode row : ingested) {
            assertThat(CompatSchema.errors(row)).isEmpty();
            Instant at = Instant.parse(row.get("timestamp").asText());
            assertThat(at).isBefore(TO);
        }
        assertThat(jsonFiles()).as("an export deletes each file once its batch succeeded").isEmpty();
    }

    @Test
    void aDryRunKeepsFilesNeverOverTheFileSizeWithWholeOrdersInEach() throws Exception {
        HistorySummary summary = export("&pageSize=50&fileSize=30000");

        List<Path> files = jsonFiles();
        assertThat(files).hasSize((int) summary.files()).hasSizeGreaterThan(3);
        List<String> purchaseIdsSeen = new ArrayList<>();
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(30000);
            List<String> ids = Files.readAllLines(file).stream().map(line -> readTree(line).path("commerce")
                    .path("order").path("purchaseID").asText()).distinct().toList();
            assertThat(purchaseIdsSeen).as("no order is split across files").doesNotContainAnyElementsOf(ids);
            purchaseIdsSeen.addAll(ids);
        }
        assertThat((long) purchaseIdsSeen.size()).isEqualTo(ordersInRange());
        assertThat(batches.get()).isZero();
    }

    @Test
    void theRangeIsHalfOpenOnCreatedAtInUtc() throws Exception {
        exportTheRangesBoundaryOrders();
    }

    @Test
    void theRangeIsInUtcWhateverTheJvmsTimeZone() throws Exception {
        TimeZone machine = TimeZone.getDefault();
        // fourteen hours ahead of UTC: a date or a time read or bound in the JVM's zone moves the range as much
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            exportTheRangesBoundaryOrders();
        } finally {
            TimeZone.setDefault(machine);
        }
    }

    /** An order created at the range's first instant is exported, one created at its end is not. */
    private void exportTheRangesBoundaryOrders() throws Exception {
        long first;
        long second;
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
            first = longOf(s, "SELECT MIN(entity_id) FROM sales_order");
            second = longOf(s, "SELECT MAX(entity_id) FROM sales_order");
            s.executeUpdate("UPDATE sales_order SET created_at = '2022-01-01 00:00:00' WHERE entity_id = " + first);
            s.executeUpdate("UPDATE sales_order SET created_at = '2026-01-01 00:00:00' WHERE entity_id = " + second);
        }
        try {
            export("&events=placed");

            List<String> placed = jsonFiles().stream().flatMap(CommerceHistoryIT::lines)
                    .map(line -> readTree(line).path("commerce").path("order").path("purchaseID").asText()).toList();
            assertThat(placed).contains(incrementId(first)).doesNotContain(incrementId(second));
        } finally {
            try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE sales_order SET created_at = '2021-06-01 00:00:00' WHERE entity_id = " + first);
                s.executeUpdate("UPDATE sales_order SET created_at = '2026-05-01 00:00:00' WHERE entity_id = " + second);
            }
        }
    }

    @Test
    void anExportInterruptedAtAPageBoundaryResumesWithoutDoublesOrGaps() throws Exception {
        exportInterruptedAfterNinePages();

        HistorySummary summary = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertEveryEventIngestedOnce();
        assertThat(summary.orders()).isEqualTo(ordersInRange());
    }

    @Test
    void anExportAskedToStopEndsWithItsCheckpointAndItsResumeSendsTheRestOnce() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        camel.getRegistry().bind("ctrlC", new HistoryProgress() {
            @Override
            public void update(long ordersDone, long ordersTotal, long events) {
                pages.incrementAndGet();
            }

            @Override
            public boolean stopRequested() {
                return pages.get() >= 9;
            }
        });
        assertThatThrownBy(() -> exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&progress=#ctrlC"))
                .cause().isInstanceOf(HistoryStopped.class)
                .hasMessageContaining("asked to stop").hasMessageContaining("--resume");
        int beforeResume = ingested.size();
        assertThat(beforeResume).isPositive();

        HistorySummary summary = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertThat(ingested.size()).isGreaterThan(beforeResume);
        assertEveryEventIngestedOnce();
        assertThat(summary.orders()).isEqualTo(ordersInRange());
    }

    @Test
    void aDryRunOfTheSameNameLeavesAnInterruptedExportItsCheckpoint(@TempDir Path dryRunDir) throws Exception {
        exportInterruptedAfterNinePages();

        HistorySummary dryRun = camel.createProducerTemplate().requestBody("commerce-history:orders?dataSource="
                + "#commerceDb&outDir=" + dryRunDir + "&from=" + FROM + "&to=" + TO + "&pageSize=10&fileSize=40000",
                null, HistorySummary.class);
        assertThat(dryRun.orders()).isEqualTo(ordersInRange());

        HistorySummary resumed = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertEveryEventIngestedOnce();
        assertThat(resumed.orders()).isEqualTo(ordersInRange());
    }

    @Test
    void anExportKilledInTheMiddleOfAFileResumesWithoutDoublesOrGaps() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        camel.getRegistry().bind("killer", (HistoryProgress) (done, total, events) -> {
            if (pages.incrementAndGet() == 12) {
                throw new IllegalStateException("kill -9");
            }
        });
        assertThatThrownBy(() -> exportToSink("&pageSize=3&fileSize=40000&filesPerBatch=1&progress=#killer"));
        // Files stay until their batch settles: the file being written when the export died, and the one before it
        // when its batch was still in flight (with pages mapped ahead, that depends on the machine's speed).
        assertThat(jsonFiles()).as("the file being written when the export died").hasSizeBetween(1, 2);
        assertThat(ingested).isNotEmpty();

        exportToSink("&pageSize=3&fileSize=40000&filesPerBatch=1&resume=true");

        assertEveryEventIngestedOnce();
    }

    @Test
    void aDatabaseThatDisappearsStopsTheExportWithAResumableCheckpoint() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        camel.getRegistry().bind("dbKiller", (HistoryProgress) (done, total, events) -> {
            if (pages.incrementAndGet() == 5) {
                killExportConnections();
            }
        });
        assertThatThrownBy(() -> exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=1&progress=#dbKiller"))
                .cause().isInstanceOf(HistoryStopped.class)
                .hasMessageContaining("the Commerce database failed").hasMessageContaining("--resume");

        exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=1&resume=true");

        assertEveryEventIngestedOnce();
    }

    @Test
    void anExportInterruptedWithFilesInAnOpenBatchResumesIntoThatSameBatch() throws Exception {
        camel.getRegistry().bind("interruptingInBatch", interruptOnceTwoFilesAreInTheOpenBatch());
        assertThatThrownBy(() -> exportToSink("&pageSize=5&fileSize=20000&filesPerBatch=1000"
                + "&progress=#interruptingInBatch")).hasRootCauseMessage("Ctrl-C");
        HistoryCheckpoint.OpenBatch open = checkpoint().batch();
        assertThat(sink.status(open.id())).isEqualTo("loading");
        assertThat(ingested).isEmpty();

        HistorySummary summary = exportToSink("&pageSize=5&fileSize=20000&filesPerBatch=1000&resume=true");

        assertThat(sink.status(open.id())).isEqualTo("success");
        assertThat(batches.get()).as("the open batch was completed, no other").isEqualTo(1);
        assertThat(summary.batches()).isEqualTo(1);
        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
        assertThat(summary.orders()).isEqualTo(ordersInRange());
    }

    @Test
    void aBatchAepNoLongerKnowsWhenTheExportResumesIsExportedAgainInANewBatch() throws Exception {
        camel.getRegistry().bind("interruptingInBatch", interruptOnceTwoFilesAreInTheOpenBatch());
        assertThatThrownBy(() -> exportToSink("&pageSize=5&fileSize=20000&filesPerBatch=1000"
                + "&progress=#interruptingInBatch")).hasRootCauseMessage("Ctrl-C");
        String lost = checkpoint().batch().id();
        sink.forget(lost);

        exportToSink("&pageSize=5&fileSize=20000&filesPerBatch=1000&resume=true");

        assertThat(batches.get()).as("one new batch, completed").isEqualTo(1);
        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
    }

    @Test
    void theNextBatchLoadsWhileAepProcessesTheBatchBeforeIt() throws Exception {
        CountDownLatch nextBatchLoading = new CountDownLatch(1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slowToProcess").process(exchange -> {
                    if (BatchSteps.COMPLETE.equals(exchange.getMessage().getHeader(BatchSteps.STEP))
                            && "batch-1".equals(exchange.getMessage().getHeader(BatchSteps.BATCH_ID))) {
                        // AEP is still processing batch 1 until a file went into the next batch, or 20 s passed
                        nextBatchLoading.await(20, TimeUnit.SECONDS);
                    }
                }).process(sink).process(exchange -> {
                    if (BatchSteps.UPLOAD.equals(exchange.getMessage().getHeader(BatchSteps.STEP))
                            && "batch-2".equals(exchange.getMessage().getHeader(BatchSteps.BATCH_ID))) {
                        nextBatchLoading.countDown();
                    }
                });
            }
        });

        HistorySummary summary = export("&sinkUri=direct:slowToProcess&pageSize=10&fileSize=40000&filesPerBatch=2");

        assertThat(nextBatchLoading.getCount()).as("a file went into batch 2 while batch 1 was being processed")
                .isZero();
        assertThat(summary.batches()).isEqualTo(batches.get()).isGreaterThan(2);
        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
    }

    @Test
    void severalCompletedBatchesWaitForAepAtOnce() throws Exception {
        CountDownLatch thirdCompleted = new CountDownLatch(1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slowFirstBatch").process(exchange -> {
                    if (isCompletionOf(exchange, "batch-1")) {
                        // AEP is still processing batch 1 until batch 3 was completed, or 20 s passed
                        thirdCompleted.await(20, TimeUnit.SECONDS);
                    }
                }).process(sink).process(exchange -> {
                    if (isCompletionOf(exchange, "batch-3")) {
                        thirdCompleted.countDown();
                    }
                });
            }
        });

        HistorySummary summary = export("&sinkUri=direct:slowFirstBatch&pageSize=10&fileSize=40000&filesPerBatch=2"
                + "&batchesInFlight=3");

        assertThat(thirdCompleted.getCount()).as("batch 3 was completed while AEP processed batch 1").isZero();
        assertThat(summary.batches()).isEqualTo(batches.get()).isGreaterThan(3);
        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
        assertThat(jsonFiles()).isEmpty();
    }

    @Test
    void aBatchThatSucceededBeforeTheOneBeforeItIsNeitherSkippedNorSentTwiceOnResume() throws Exception {
        CountDownLatch secondSucceeded = new CountDownLatch(1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crashWhileFirstProcesses").process(exchange -> {
                    if (isCompletionOf(exchange, "batch-1")) {
                        secondSucceeded.await(20, TimeUnit.SECONDS);
                        throw new IllegalStateException("kill -9 while AEP processes batch 1");
                    }
                }).process(sink).process(exchange -> {
                    if (isCompletionOf(exchange, "batch-2")) {
                        secondSucceeded.countDown();
                    }
                });
            }
        });
        assertThatThrownBy(() -> export("&sinkUri=direct:crashWhileFirstProcesses&pageSize=10&fileSize=40000"
                + "&filesPerBatch=2&batchesInFlight=2")).cause().isInstanceOf(HistoryStopped.class);
        HistoryCheckpoint stopped = checkpoint();
        assertThat(stopped.settling()).extracting(HistoryCheckpoint.OpenBatch::id).startsWith("batch-1", "batch-2");
        assertThat(sink.status("batch-2")).isEqualTo("success");
        assertThat(stopped.orders()).as("nothing settled past batch 1").isZero();

        HistorySummary summary = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
        assertThat(summary.orders()).isEqualTo(ordersInRange());
    }

    @Test
    void aResumeThatFindsAProcessingBatchGoneSendsItsFilesAgainInANewBatch() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crashWhileProcessing").process(exchange -> {
                    if (isCompletionOf(exchange, "batch-1")) {
                        throw new IllegalStateException("kill -9 while AEP processes batch 1");
                    }
                }).process(sink);
            }
        });
        assertThatThrownBy(() -> export("&sinkUri=direct:crashWhileProcessing&pageSize=10&fileSize=40000"
                + "&filesPerBatch=2")).cause().isInstanceOf(HistoryStopped.class);
        HistoryCheckpoint stopped = checkpoint();
        assertThat(stopped.settling().get(0).id()).isEqualTo("batch-1");
        sink.forget("batch-1");

        HistorySummary summary = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
        assertThat(summary.orders()).isEqualTo(ordersInRange());
        assertThat(summary.succeeded()).isTrue();
    }

    @Test
    void aCrashAfterABatchWasCompletedButBeforeItsCheckpointSendsNothingTwiceOnResume() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crashAfterSecondCompletion").process(sink).process(exchange -> {
                    if (BatchSteps.COMPLETE.equals(exchange.getIn().getHeader(BatchSteps.STEP))
                            && batches.get() == 2) {
                        throw new IllegalStateException("kill -9 before the checkpoint");
                    }
                });
            }
        });
        assertThatThrownBy(() -> export("&sinkUri=direct:crashAfterSecondCompletion&pageSize=10&fileSize=40000"
                + "&filesPerBatch=2")).cause().isInstanceOf(HistoryStopped.class)
                .hasMessageContaining("kill -9 before the checkpoint").hasMessageContaining("--resume");
        HistoryCheckpoint.OpenBatch completed = checkpoint().settling().get(0);
        assertThat(completed.completing()).isTrue();
        assertThat(sink.status(completed.id())).isEqualTo("success");

        HistorySummary summary = exportToSink("&pageSize=10&fileSize=40000&filesPerBatch=2&resume=true");

        assertThat(ids(ingested)).doesNotHaveDuplicates();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
        assertThat(summary.batches()).isEqualTo(batches.get());
    }

    @Test
    void aSecondTriggerWhileTheExportRunsStartsNothing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        camel.getRegistry().bind("holding", (HistoryProgress) (done, total, events) -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var first = camel.createProducerTemplate().asyncRequestBody("commerce-history:orders?dataSource=#commerceDb"
                + "&sinkUri=direct:sink&outDir=" + outDir + "&from=" + FROM + "&to=" + TO + "&progress=#holding",
                null, HistorySummary.class);
        running.await();
        try {
            assertThatThrownBy(() -> exportToSink("")).rootCause().isInstanceOf(HistoryAlreadyRunning.class)
                    .hasMessageContaining("history export 'orders' is already running");
        } finally {
            release.countDown();
        }

        assertThat(first.get().orders()).isEqualTo(ordersInRange());
        assertThat(ids(ingested)).doesNotHaveDuplicates();
    }

    @Test
    void aFailedBatchIsReportedAndRetriedOnceAsAReplacementBatch() throws Exception {
        sink.behaviour = n -> n == 2 ? "INVALID_DATA: row 4 is bad" : null;

        HistorySummary summary = exportToSink("&pageSize=20&fileSize=40000&filesPerBatch=2");

        assertThat(summary.failures()).singleElement().asString().contains("INVALID_DATA");
        assertThat(summary.failedBatches()).isZero();
        assertThat(summary.succeeded()).isTrue();
        assertThat(countByType(ingested)).isEqualTo(expectedEventsByType());
    }

    @Test
    void aBatchThatFailsAgainIsCountedAndItsFilesAreKept() throws Exception {
        sink.behaviour = n -> n == 2 || n == 3 ? "INVALID_DATA: row 4 is bad" : null;

        // one batch at a time, so that the second and third completions are a batch and its replacement
        HistorySummary summary = exportToSink("&pageSize=20&fileSize=40000&filesPerBatch=2&batchesInFlight=1");

        assertThat(summary.failedBatches()).isEqualTo(1);
        assertThat(summary.succeeded()).isFalse();
        try (Stream<Path> kept = Files.list(outDir.resolve("failed"))) {
            assertThat(kept.count()).isEqualTo(2);
        }
    }

    @Test
    void anEmptyRangeExportsNothing() {
        HistorySummary summary = camel.createProducerTemplate().requestBody("commerce-history:orders?dataSource="
                + "#commerceDb&sinkUri=direct:sink&outDir=" + outDir + "&from=2010-01-01&to=2011-01-01", null,
                HistorySummary.class);

        assertThat(summary.orders()).isZero();
        assertThat(summary.files()).isZero();
        assertThat(batches.get()).isZero();
    }

    @Test
    void unmappableOrdersGoToDeadLettersOnceEachAndTheExportGoesOn() throws Exception {
        List<Long> broken;
        Map<Long, String> incrementIds = new HashMap<>();
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
            broken = List.of(longOf(s, "SELECT MIN(entity_id) FROM sales_order WHERE created_at >= '2023-01-01'"),
                    longOf(s, "SELECT MIN(entity_id) FROM sales_order WHERE created_at >= '2024-01-01'"));
            for (long id : broken) {
                incrementIds.put(id, incrementId(id));
                s.executeUpdate("UPDATE sales_order SET increment_id = NULL WHERE entity_id = " + id);
            }
        }
        try {
            HistorySummary summary = exportToSink("");
            HistorySummary again = exportToSink("");

            assertThat(summary.deadLettered()).isEqualTo(2);
            assertThat(summary.orders()).isEqualTo(ordersInRange() - 2);
            assertThat(again.deadLettered()).isEqualTo(2);
            assertThat(state.deadLetters().list(null, 10)).as("one letter per order, whatever the runs")
                    .hasSize(2).allSatisfy(letter -> {
                        assertThat(letter.channel()).isEqualTo(HistoryExport.DEAD_LETTER_CHANNEL);
                        assertThat(letter.reason()).contains("no increment_id");
                    })
                    .anySatisfy(letter -> assertThat(letter.reason()).contains("sales_order " + broken.get(0)))
                    .anySatisfy(letter -> assertThat(letter.reason()).contains("sales_order " + broken.get(1)));
        } finally {
            try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
                for (long id : broken) {
                    s.executeUpdate("UPDATE sales_order SET increment_id = '" + incrementIds.get(id)
                            + "' WHERE entity_id = " + id);
                }
            }
        }
    }

    @Test
    void badRequestsFailWithAOneLineReasonBeforeAnyWork() {
        var template = camel.createProducerTemplate();
        String base = "commerce-history:orders?dataSource=#commerceDb&sinkUri=direct:sink&outDir=" + outDir;

        assertThatThrownBy(() -> template.requestBody(base + "&from=2025-01-01&to=2024-01-01", (Object) null))
                .hasRootCauseMessage("--from 2025-01-01 must be before --to 2024-01-01");
        assertThatThrownBy(() -> template.requestBody(base + "&from=2999-01-01&to=3000-01-01", (Object) null))
                .rootCause().hasMessageContaining("is in the future");
        assertThatThrownBy(() -> template.requestBody(base + "&from=2022-01-01&to=2023-01-01&stores=nowhere", (Object) null))
                .rootCause().hasMessageContaining("unknown store code(s) [nowhere]");
        assertThatThrownBy(() -> template.requestBody(base + "&from=2022-01-01&to=2023-01-01&resume=true", (Object) null))
                .rootCause().hasMessageContaining("no interrupted export named 'orders'");
        assertThatThrownBy(() -> template.requestBodyAndHeader(base + "&from=2022-01-01&to=2023-01-01", null,
                CommerceHistoryHeaders.RESUME, "yes")).hasRootCauseMessage("FerryHistoryResume must be true or false,"
                + " not 'yes'");
        assertThatThrownBy(() -> template.requestBody(base + "&from=2022-01-01&to=2023-01-01&filesPerBatch=500"
                + "&fileSize=268435456", (Object) null)).hasRootCauseMessage("commerce-history:orders: 500 files of "
                + "268435456 bytes exceed AEP's batch guardrails (1500 files, 100 GB)");
        assertThat(batches.get()).isZero();
    }

    @Test
    void theDailyBatchCapStopsTheExportResumablyAndStartingOverDoesNotOpenAnotherDaysWorth() {
        String capped = "&pageSize=7&fileSize=60000&filesPerBatch=1&batchesInFlight=1&batchesPerDay=2";

        assertThatThrownBy(() -> exportToSink(capped)).cause().isInstanceOf(HistoryStopped.class)
                .hasMessageContaining("the cap of 2 batches a day (batches-per-day) is reached until ");
        int openedFirstRun = sink.created();
        assertThatThrownBy(() -> exportToSink(capped)).as("a new export of the name, not a resume")
                .cause().isInstanceOf(HistoryStopped.class).hasMessageContaining("the cap of 2 batches a day");
        assertThatThrownBy(() -> exportToSink(capped + "&resume=true")).cause().isInstanceOf(HistoryStopped.class);

        assertThat(openedFirstRun).isEqualTo(2);
        assertThat(sink.created()).as("no batch opened after the cap").isEqualTo(2);
    }

    @Test
    void theDailyBatchCapCountsTheBatchesOfEveryExportNameAsAepCountsTheSandboxs() {
        String oneBatchEach = "&pageSize=7&fileSize=60000&filesPerBatch=1&batchesInFlight=1&batchesPerDay=3";
        var template = camel.createProducerTemplate();
        String other = "commerce-history:other?dataSource=#commerceDb&sinkUri=direct:sink&outDir=" + outDir
                + "/other&from=" + FROM + "&to=" + TO + oneBatchEach;

        assertThatThrownBy(() -> exportToSink(oneBatchEach)).cause().isInstanceOf(HistoryStopped.class);
        assertThat(sink.created()).isEqualTo(3);
        assertThatThrownBy(() -> template.requestBody(other, (Object) null)).as("another name, the same sandbox")
                .cause().isInstanceOf(HistoryStopped.class).hasMessageContaining("the cap of 3 batches a day");

        assertThat(sink.created()).as("no batch opened by the other name").isEqualTo(3);
    }

    @Test
    void resumingAnotherRangeNamesTheRangeOfTheLastExportFinishedOrNot() {
        var template = camel.createProducerTemplate();
        String base = "commerce-history:orders?dataSource=#commerceDb&sinkUri=direct:sink&outDir=" + outDir;
        template.requestBody(base + "&from=2000-01-01&to=2000-02-01", (Object) null);

        assertThatThrownBy(() -> template.requestBody(base + "&from=2000-01-01&to=2000-03-01&resume=true",
                (Object) null)).rootCause().hasMessageStartingWith("the last export named 'orders' covers 2000-01-01")
                .hasMessageEndingWith("resume it with the same --from, --to and --stores, or run a new one without"
                        + " --resume");
    }

    private HistoryCheckpoint checkpoint() {
        return state.checkpoints().get("commerce-history:orders").map(HistoryCheckpoint::fromJson).orElseThrow();
    }

    /**
     * Ctrl-C on the tenth page, once the sender has uploaded two files into the open batch (it goes on while the
     * export waits here), so that the interrupt lands with files in the batch whatever the machine's speed.
     */
    private HistoryProgress interruptOnceTwoFilesAreInTheOpenBatch() {
        AtomicInteger pages = new AtomicInteger();
        return (done, total, events) -> {
            if (pages.incrementAndGet() < 10) {
                return;
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (openBatchFiles() < 2 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            throw new IllegalStateException("Ctrl-C");
        };
    }

    private static boolean isCompletionOf(Exchange exchange, String batchId) {
        return BatchSteps.COMPLETE.equals(exchange.getMessage().getHeader(BatchSteps.STEP))
                && batchId.equals(exchange.getMessage().getHeader(BatchSteps.BATCH_ID));
    }

    private int openBatchFiles() {
        return state.checkpoints().get("commerce-history:orders").map(HistoryCheckpoint::fromJson)
                .map(HistoryCheckpoint::batch).map(batch -> batch.files().size()).orElse(0);
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("_id").asText()).toList();
    }

    /** What the order poller emits for the orders of the range, per eventType, from Magento's tables alone. */
    private static Map<String, Long> expectedEventsByType() throws SQLException {
        String inRange = "o.created_at >= '2022-01-01' AND o.created_at < '2026-01-01'";
        Map<String, Long> expected = new HashMap<>();
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
            expected.put("commerce.backofficeOrderPlaced", longOf(s, "SELECT COUNT(*) FROM sales_order o WHERE "
                    + inRange));
            expected.put("commerce.backofficeOrderInvoiced", longOf(s, "SELECT COUNT(*) FROM sales_invoice d JOIN"
                    + " sales_order o ON o.entity_id = d.order_id WHERE d.created_at < '2026-01-01' AND " + inRange));
            expected.put("commerce.backofficeOrderItemsShipped", longOf(s, "SELECT COUNT(*) FROM sales_shipment d"
                    + " JOIN sales_order o ON o.entity_id = d.order_id WHERE d.created_at < '2026-01-01' AND "
                    + inRange));
            expected.put("commerce.backofficeCreditMemoIssued", longOf(s, "SELECT COUNT(*) FROM sales_creditmemo d"
                    + " JOIN sales_order o ON o.entity_id = d.order_id WHERE d.created_at < '2026-01-01' AND "
                    + inRange));
            expected.put("commerce.backofficeOrderCancelled", longOf(s, "SELECT COUNT(*) FROM sales_order o WHERE"
                    + " o.state = 'canceled' AND o.updated_at < '2026-01-01' AND " + inRange));
            expected.put("commerce.backofficeOrderShipmentCompleted", longOf(s, "SELECT COUNT(*) FROM sales_order o"
                    + " WHERE o.state = 'complete' AND o.updated_at < '2026-01-01' AND " + inRange));
        }
        expected.values().removeIf(count -> count == 0);
        return expected;
    }

    private static long ordersInRange() throws SQLException {
        return expectedEventsByType().get("commerce.backofficeOrderPlaced");
    }

    private static Map<String, Long> countByType(List<JsonNode> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.get("eventType").asText(), 1L, Long::sum));
        return counts;
    }

    private static long longOf(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String incrementId(long orderId) throws SQLException {
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT increment_id FROM sales_order WHERE entity_id = " + orderId)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Kills every other connection to the test database, as a database restart would. */
    private static void killExportConnections() {
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '"
                    + DATABASE + "' AND ID <> CONNECTION_ID()")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            for (long id : ids) {
                s.execute("KILL CONNECTION " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> jsonFiles() throws IOException {
        try (Stream<Path> files = Files.list(outDir)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return Xdm.JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

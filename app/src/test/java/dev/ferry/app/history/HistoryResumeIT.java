package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.app.runtime.CamelProperties;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.history.export.HistoryCheckpoint;
import dev.ferry.history.export.HistoryProgress;
import dev.ferry.history.export.HistoryStopped;
import dev.ferry.history.export.HistorySummary;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a history export into AEP's batch ingestion (the sandbox) on a real MariaDB: into the batch left open,
 * and past a batch completed just before a crash, with every event in AEP exactly once.
 */
class HistoryResumeIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_resume_it_" + ProcessHandle.current().pid();
    private static final String RANGE = "&from=2022-01-01&to=2025-07-01";

    private static MariaDbServer server;
    private static DataSource commerce;

    @TempDir
    Path work;
    private AepSandbox sandbox;
    private StateDatabase state;
    private CamelContext camel;
    /** Batch ids the sink was asked to complete, in order. */
    private final List<String> completed = new CopyOnWriteArrayList<>();
    /** The completion (1-based) after which the sink dies before answering, as a kill -9 would; 0 for none. */
    private volatile int dieAfterCompletion;

    @BeforeAll
    static void seed() {
        server = MariaDbServer.machineOrEmbedded();
        commerce = new CommerceSampleData(55).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(15).withOrders(150)
                        .withCreatedBetween(Instant.parse("2022-01-01T00:00:00Z"),
                                Instant.parse("2025-06-01T00:00:00Z")));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
        FerryConfig config = FerryConfig.load(SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(),
                SandboxConfigFile.freePort()), Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()));
        state = StateDatabase.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("state", state);
        camel.getRegistry().bind("commerceDb", commerce);
        PropertyBindingSupport.build().withReflection(true).bind(camel, camel.getComponent("aep"),
                CamelProperties.aepOptions(config));
        AtomicInteger completions = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink").to("aep:batch?batchPollInterval=50&batchTimeout=20000").process(exchange -> {
                    if (BatchSteps.COMPLETE.equals(exchange.getIn().getHeader(BatchSteps.STEP))) {
                        completed.add(exchange.getIn().getHeader(BatchSteps.BATCH_ID, String.class));
                        if (completions.incrementAndGet() == dieAfterCompletion) {
                            throw new IllegalStateException("killed after AEP completed the batch");
                        }
                    }
                });
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        state.close();
        sandbox.close();
    }

    private HistorySummary export(String options) {
        return camel.createProducerTemplate().requestBody("commerce-history:resume?dataSource=#commerceDb"
                + "&sinkUri=direct:sink&outDir=" + work.resolve("history") + RANGE + options, null,
                HistorySummary.class);
    }

    @Test
    void anExportInterruptedAfterFilesWentIntoTheOpenBatchResumesIntoThatBatchAndAepHasEveryEventOnce()
            throws Exception {
        AtomicInteger pages = new AtomicInteger();
        camel.getRegistry().bind("interrupting", (HistoryProgress) (done, total, events) -> {
            if (pages.incrementAndGet() == 10) {
                // the sender goes on uploading while the export waits here for two files in the open batch
                await().atMost(Duration.ofSeconds(20)).until(() -> checkpoint().batch() != null
                        && checkpoint().batch().files().size() >= 2);
                throw new IllegalStateException("Ctrl-C");
            }
        });
        assertThatThrownBy(() -> export("&pageSize=5&fileSize=20000&filesPerBatch=1000&progress=#interrupting"))
                .hasRootCauseMessage("Ctrl-C");
        String openBatch = checkpoint().batch().id();
        assertThat(sandbox.events().size()).as("nothing is ingested before the batch is completed").isZero();

        HistorySummary summary = export("&pageSize=5&fileSize=20000&filesPerBatch=1000&resume=true");

        assertThat(completed).as("the resumed run completed the batch left open, and only it")
                .containsExactly(openBatch);
        assertEveryEventOnce(summary);
    }

    @Test
    void aCrashBetweenCompletingABatchAndCheckpointingItSendsNothingTwiceOnResume() throws Exception {
        dieAfterCompletion = 2;
        assertThatThrownBy(() -> export("&pageSize=10&fileSize=30000&filesPerBatch=2"))
                .cause().isInstanceOf(HistoryStopped.class).hasMessageContaining("killed after AEP completed");
        HistoryCheckpoint.OpenBatch completing = checkpoint().settling().get(0);
        assertThat(completing.completing()).isTrue();
        assertThat(completing.id()).isEqualTo(completed.get(1));
        int eventsBeforeResume = sandbox.events().size();
        assertThat(eventsBeforeResume).isPositive();
        // the batches other settlers were completing when the crash came reached their final status before the stop
        int completionsBeforeResume = completed.size();

        HistorySummary summary = export("&pageSize=10&fileSize=30000&filesPerBatch=2&resume=true");

        assertThat(completed.subList(completionsBeforeResume, completed.size()))
                .as("the batch AEP had is only looked at again")
                .startsWith(completing.id()).doesNotHaveDuplicates();
        assertEveryEventOnce(summary);
    }

    private void assertEveryEventOnce(HistorySummary summary) throws Exception {
        List<ReceivedEvent> received = sandbox.events().list();
        assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
        assertThat(received).hasSize((int) summary.events()).allMatch(ReceivedEvent::valid);
        assertThat(received.stream().filter(event -> event.eventType().equals("commerce.backofficeOrderPlaced"))
                .count()).isEqualTo(summary.orders()).isEqualTo(ordersInRange());
        assertThat(summary.failedBatches()).isZero();
    }

    private HistoryCheckpoint checkpoint() {
        return state.checkpoints().get("commerce-history:resume").map(HistoryCheckpoint::fromJson).orElseThrow();
    }

    private static long ordersInRange() throws Exception {
        try (Connection c = commerce.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM sales_order WHERE created_at >= '2022-01-01'"
                     + " AND created_at < '2025-07-01'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

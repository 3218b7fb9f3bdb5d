package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.app.ExitCodes;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TestDatabase;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry history} as an operator runs it: the real jar, a real MariaDB, the AEP sandbox's batch ingestion. */
class HistoryCommandIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_cli_it_" + ProcessHandle.current().pid();

    private static MariaDbServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void seed() {
        server = MariaDbServer.machineOrEmbedded();
        new CommerceSampleData(21).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(10).withOrders(120)
                        .withCreatedBetween(Instant.parse("2022-01-01T00:00:00Z"),
                                Instant.parse("2025-06-01T00:00:00Z")));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    private Path config(AepSandbox sandbox, String... extra) throws Exception {
        Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), SandboxConfigFile.freePort());
        Files.writeString(config, String.join("\n", "ferry.commerce.db.url=" + server.jdbcUrl(DATABASE),
                "ferry.commerce.db.user=" + server.user(), "ferry.commerce.db.password=" + server.password(),
                "ferry.history.work-dir=" + work.resolve("history"), "ferry.history.file-size=60000",
                String.join("\n", extra), ""), java.nio.file.StandardOpenOption.APPEND);
        return config;
    }

    private static Map<String, String> secret(AepSandbox sandbox) {
        return Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
    }

    @Test
    void anExportLandsEveryEventOnceInABatchThatSucceededAndExitsZero() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            FerryProcess.Result result = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config(sandbox).toString(), "--from", "2022-01-01", "--to", "2025-07-01");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("history 'history': 120 orders").contains("(0 failed)");
            List<ReceivedEvent> received = sandbox.events().list();
            assertThat(received).isNotEmpty().allMatch(event -> event.channel() == Channel.BATCH);
            assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
            assertThat(result.output()).contains(received.size() + " events");
            assertThat(result.output()).as("the progress lines of a run that is not on a terminal")
                    .contains("/ 120 orders");
        }
    }

    @Test
    void anExportKilledWithFilesInItsOpenBatchResumesIntoThatBatchAndAepHasEveryEventOnceAndNoSecondRunMeanwhile() throws Exception {
        // a state database that two processes can share, as the H2 file cannot
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults());
             ScratchDatabase state = TestDatabase.POSTGRESQL.create()) {
            // slow uploads, so that the kill lands while the batch is open with files in it
            sandbox.faults().apply(FaultSettings.builder().latencyMs(300).build());
            Path config = config(sandbox, "ferry.history.file-size=20000", "ferry.history.files-per-batch=1000",
                    "ferry.state.db.url=" + state.url(), "ferry.state.db.user=" + state.user(),
                    "ferry.state.db.password=" + state.password());
            try (FerryProcess export = FerryProcess.start(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2025-07-01")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> requests(sandbox, "batch.fileUpload") >= 2
                        || !export.isAlive());
                // slower still, so that the export is running all through the second process's start
                sandbox.faults().apply(FaultSettings.builder().latencyMs(2000).build());
                FerryProcess.Result second = FerryProcess.run(work, secret(sandbox), "history", "--config",
                        config.toString(), "--from", "2022-01-01", "--to", "2025-07-01", "--resume");
                export.kill();
                assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.FAILED);
                assertThat(second.output()).as("a second process of the same name starts nothing")
                        .containsPattern("(?m)^ferry: history export 'history' is already running \\(since [^,]+, in"
                                + " process " + export.pid() + " on [^)]+\\); this request started nothing")
                        .doesNotContain("\tat ");
                assertThat(requests(sandbox, "batch.fileUpload")).as(export.output()).isGreaterThanOrEqualTo(2);
            }
            assertThat(sandbox.events().size()).as("nothing is ingested before the batch is completed").isZero();
            sandbox.faults().clear();

            FerryProcess.Result resumed = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2025-07-01", "--resume");

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(requests(sandbox, "batch.create")).as("the resumed run went on in the batch left open")
                    .isEqualTo(1);
            List<ReceivedEvent> received = sandbox.events().list();
            assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
            assertThat(resumed.output()).contains("history 'history': 120 orders, " + String.format(Locale.ROOT, "%,d", received.size()) + " events");
        }
    }

    @Test
    void ctrlCStopsTheExportWithExitFiveAndTheCommandItPrintsSendsTheRestOnce() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            // slow uploads, so that Ctrl-C lands in the middle of the export
            sandbox.faults().apply(FaultSettings.builder().latencyMs(300).build());
            Path config = config(sandbox, "ferry.history.file-size=20000", "ferry.history.files-per-batch=3");
            FerryProcess.Result stopped;
            try (FerryProcess export = FerryProcess.start(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2025-07-01")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> requests(sandbox, "batch.fileUpload") >= 2
                        || !export.isAlive());
                export.interrupt();
                stopped = new FerryProcess.Result(export.waitFor(Duration.ofSeconds(30)), export.output());
            }
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(ExitCodes.STOPPED);
            Matcher resume = Pattern.compile("(?m)^ferry: to go on: java -jar \\S+ (history .*--resume)$")
                    .matcher(stopped.output());
            assertThat(resume.find()).as(stopped.output()).isTrue();
            assertThat(stopped.output()).contains("ferry: SIGINT: stopping after the step in progress")
                    .contains("stopped: asked to stop").doesNotContain("\tat ");
            sandbox.faults().clear();

            FerryProcess.Result resumed = FerryProcess.run(work, secret(sandbox), resume.group(1).split(" "));

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("history 'history': 120 orders");
            List<ReceivedEvent> received = sandbox.events().list();
            assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
            assertThat(resumed.output()).contains(String.format(Locale.ROOT, "%,d", received.size()) + " events");
        }
    }

    @Test
    void aBatchAepFailsIsReportedWithAepsErrorCodeAndReplacedOnceAndTheExportExitsOne() throws Exception {
        // the dataset's schema refuses refunds, so the export's one batch fails, and its replacement too
        ObjectNode schema = (ObjectNode) Xdm.JSON.readTree(CompatSchema.path().toFile());
        ObjectNode eventType = (ObjectNode) schema.path("properties").path("eventType");
        eventType.putArray("enum").add("commerce.backofficeOrderPlaced").add("commerce.backofficeOrderInvoiced")
                .add("commerce.backofficeOrderItemsShipped").add("commerce.backofficeOrderShipmentCompleted")
                .add("commerce.backofficeOrderCancelled");
        Path schemaFile = work.resolve("no-refunds.schema.json");
        Xdm.JSON.writeValue(schemaFile.toFile(), schema);
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults().toBuilder().schemaFile(schemaFile)
                .build())) {
            FerryProcess.Result result = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config(sandbox, "ferry.history.files-per-batch=100").toString(), "--from", "2022-01-01", "--to",
                    "2025-07-01");

            assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.output()).as("one batch, its replacement, and it counted as failed")
                    .containsPattern("history 'history': 120 orders, [\\d,]+ events, \\d+ files, 2 batches "
                            + "\\(1 failed\\)");
            List<String> failures = Pattern.compile("(?m)^  batch failure: batch (\\S+) failed: \\d+ rows rejected "
                    + "\\(INGEST-1211-400: Encountered errors while parsing, converting or otherwise validating the "
                    + "data\\. First failures: history-\\d+\\.json line \\d+: \\$\\.eventType: does not have a "
                    + "value in the enumeration").matcher(result.output()).results().map(failure -> failure.group(1))
                    .toList();
            assertThat(failures).as("the batch and its replacement, each with the code and reason Catalog gave")
                    .hasSize(2).doesNotHaveDuplicates();
            assertThat(requests(sandbox, "batch.create")).isEqualTo(2);
            try (var kept = Files.list(work.resolve("history").resolve("failed"))) {
                assertThat(kept.count()).as("the files of a replacement that failed too are kept").isPositive();
            }
            assertThat(sandbox.events().list()).as("a failed batch stores none of its rows")
                    .noneMatch(ReceivedEvent::valid);
        }
    }

    /** How many requests the sandbox counted for one of its APIs, e.g. batch.create. */
    private static long requests(AepSandbox sandbox, String api) throws Exception {
        HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/sandbox/stats")).build(), HttpResponse.BodyHandlers.ofString());
        return Xdm.JSON.readTree(stats.body()).path("requests").path(api).asLong();
    }

    @Test
    void aDryRunWritesFilesThatTheClosedCompatSchemaAccepts() throws Exception {
        Path schema = Path.of(System.getProperty("ferry.shared.dir"), "xdm", "compat",
                "commerce-experienceevent.schema.json");
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            FerryProcess.Result result = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config(sandbox).toString(), "--from", "2022-01-01", "--to", "2025-07-01", "--dry-run",
                    "--out", work.resolve("out").toString(), "--schema", schema.toString());

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).containsPattern("validated [1-9][0-9]* records against .*: 0 invalid");
            assertThat(sandbox.events().size()).isZero();
            try (var files = Files.list(work.resolve("out"))) {
                assertThat(files.count()).isGreaterThan(1);
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            Path config = config(sandbox);
            FerryProcess.Result reversed = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2025-01-01", "--to", "2024-01-01");
            FerryProcess.Result future = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2099-01-01", "--to", "2099-02-01");
            FerryProcess.Result unknownStore = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2023-01-01", "--stores", "atlantis");
            FerryProcess.Result nothingToResume = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2023-01-01", "--resume");
            // config() writes one file: the runs with the first config go before it is written again
            FerryProcess.Result overGuardrails = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config(sandbox, "ferry.history.files-per-batch=2000").toString(), "--from", "2022-01-01", "--to",
                    "2023-01-01");
            FerryProcess.Result noDataset = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config(sandbox, "ferry.aep.dataset-id=").toString(), "--from", "2022-01-01", "--to", "2023-01-01");

            assertThat(reversed.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(reversed.output().strip()).isEqualTo("ferry: --from 2025-01-01 must be before --to 2024-01-01");
            assertThat(future.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(future.output().strip())
                    .isEqualTo("ferry: --from 2099-01-01 is in the future: there are no orders to export yet");
            assertThat(noDataset.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(noDataset.output().strip()).isEqualTo("ferry: ferry.aep.dataset-id is not set: batch ingestion"
                    + " needs the dataset that receives the events");
            assertThat(unknownStore.exitCode()).as(unknownStore.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknownStore.output()).contains("unknown store code(s) [atlantis]").doesNotContain("\tat ");
            assertThat(nothingToResume.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(nothingToResume.output()).contains("no interrupted export named 'history'");
            assertThat(overGuardrails.exitCode()).as(overGuardrails.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(overGuardrails.output()).doesNotContain("Producer").containsPattern("(?m)^ferry: "
                    + "commerce-history:history: 2000 files of \\d+ bytes exceed AEP's batch guardrails \\(1500 files,"
                    + " 100 GB\\)$");
            assertThat(sandbox.events().size()).isZero();
        }
    }

    @Test
    void aDatabaseThatRefusesTheConnectionIsNamedInOneLine() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int closedPort = SandboxConfigFile.freePort();
            Path config = config(sandbox, "ferry.commerce.db.url=jdbc:mariadb://127.0.0.1:" + closedPort + "/magento");

            FerryProcess.Result refused = FerryProcess.run(work, secret(sandbox), "history", "--config",
                    config.toString(), "--from", "2022-01-01", "--to", "2023-01-01");

            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.output().strip().lines().reduce((first, last) -> last).orElseThrow())
                    .startsWith("ferry: ").contains("127.0.0.1:" + closedPort).contains("Connection refused");
            assertThat(refused.output()).doesNotContain("\tat ").doesNotContain("Exception occurred during execution");
        }
    }
}

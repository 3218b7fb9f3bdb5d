package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.AepComponent;
import dev.ferry.aep.AepHeaders;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.history.export.HistorySummary;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Exports N Magento orders (default 1,000,000, about 3 items each, with invoices, shipments and refunds) from the
 * machine's MariaDB to the AEP sandbox's batch ingestion through {@code commerce-history:} and {@code aep:batch},
 * and measures in the same run the raw rate of reading the same rows with plain JDBC (one streaming query per
 * table, the columns the export reads). The export is timed twice: until its last batch was uploaded and completed
 * (Ferry's own part) and until every batch reached success in Catalog. The sandbox runs in a JVM of its own, so
 * this JVM's heap peak is the export's; run it with {@code -Xmx512m} to hold the export to the heap budget.
 *
 * <p>Run: see docs/PERFORMANCE.md ("Historical orders").
 */
public final class HistoryBenchmark {

    private static final String DATABASE = "ferry_bench_history";
    private static final List<String> RAW_READS = List.of(
            "SELECT entity_id, increment_id, state, status, store_id, customer_id, customer_email, grand_total,"
                    + " tax_amount, discount_amount, shipping_amount, shipping_method, order_currency_code, created_at,"
                    + " updated_at FROM sales_order",
            "SELECT item_id, order_id, parent_item_id, sku, name, qty_ordered, row_total, discount_amount,"
                    + " product_options FROM sales_order_item",
            "SELECT parent_id, address_type, street, city, region, postcode, country_id FROM sales_order_address",
            "SELECT parent_id, method, amount_paid, amount_ordered, last_trans_id FROM sales_order_payment",
            "SELECT entity_id, order_id, created_at, grand_total, transaction_id FROM sales_invoice",
            "SELECT entity_id, order_id, created_at FROM sales_shipment",
            "SELECT parent_id, order_item_id, sku, name, qty, row_total FROM sales_shipment_item",
            "SELECT entity_id, parent_id, track_number, carrier_code, title FROM sales_shipment_track",
            "SELECT entity_id, order_id, created_at, grand_total, order_currency_code, transaction_id"
                    + " FROM sales_creditmemo",
            "SELECT parent_id, order_item_id, sku, name, qty, row_total, discount_amount FROM sales_creditmemo_item");

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (MariaDbServer server = MariaDbServer.machineOrEmbedded()) {
            HistoryBenchData.ensure(server, DATABASE, orders);
            printBufferPool(server);
            CpuShares cpu = new CpuShares().add("Ferry", ProcessHandle.current());
            CpuShares.running("mariadbd", "mysqld").ifPresent(database -> cpu.add("MariaDB", database));
            CpuShares.Snapshot before = cpu.snapshot();
            double rawSeconds = rawRead(server);
            String rawCpu = cpu.snapshot().since(before);
            int port = freePort();
            Process sandbox = startSandbox(port);
            cpu.add("sandbox", sandbox.toHandle());
            try {
                before = cpu.snapshot();
                Result dryRun = export(server, port, false);
                String dryRunCpu = cpu.snapshot().since(before);
                before = cpu.snapshot();
                Result export = export(server, port, true);
                String exportCpu = cpu.snapshot().since(before);
                System.out.println("CPU of the raw read: " + rawCpu);
                System.out.println("CPU of the dry run: " + dryRunCpu);
                System.out.println("CPU of the export: " + exportCpu);
                System.out.printf(Locale.ROOT, "%n%-28s %12s%n", "measure", "value");
                System.out.printf(Locale.ROOT, "%-28s %,12d%n", "orders", export.summary().orders());
                System.out.printf(Locale.ROOT, "%-28s %,12d%n", "events", export.summary().events());
                System.out.printf(Locale.ROOT, "%-28s %12d%n", "files", export.summary().files());
                System.out.printf(Locale.ROOT, "%-28s %12d%n", "batches", export.summary().batches());
                System.out.printf(Locale.ROOT, "%-28s %12.1f%n", "raw read s", rawSeconds);
                System.out.printf(Locale.ROOT, "%-28s %,12.0f%n", "raw read orders/s", orders / rawSeconds);
                System.out.printf(Locale.ROOT, "%-28s %12.1f%n", "dry run s (files only)", dryRun.seconds());
                System.out.printf(Locale.ROOT, "%-28s %,12.0f%n", "dry run orders/s", orders / dryRun.seconds());
                System.out.printf(Locale.ROOT, "%-28s %12.2f%n", "dry run / raw rate", rawSeconds / dryRun.seconds());
                System.out.printf(Locale.ROOT, "%-28s %12.1f%n", "export s (last completed)",
                        export.completedSeconds());
                System.out.printf(Locale.ROOT, "%-28s %,12.0f%n", "export orders/s (completed)",
                        orders / export.completedSeconds());
                System.out.printf(Locale.ROOT, "%-28s %12.2f%n", "completed / raw rate",
                        rawSeconds / export.completedSeconds());
                System.out.printf(Locale.ROOT, "%-28s %12.1f%n", "export s (to success)", export.seconds());
                System.out.printf(Locale.ROOT, "%-28s %,12.0f%n", "export orders/s", orders / export.seconds());
                System.out.printf(Locale.ROOT, "%-28s %12.2f%n", "export / raw rate",
                        rawSeconds / export.seconds());
                System.out.printf(Locale.ROOT, "%-28s %12d%n", "heap peak MB", export.heapPeakBytes() >> 20);
                System.out.printf(Locale.ROOT, "%-28s %12d%n", "max heap MB",
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.println("summary: " + export.summary());
            } finally {
                sandbox.destroy();
            }
        }
    }

    /**
     * @param seconds          until the export returned: every batch reached success in Catalog
     * @param completedSeconds until the last batch was uploaded and completed (Catalog's {@code started}): Ferry's
     *                         own part, before the sandbox's validation of the last batch
     */
    private record Result(HistorySummary summary, double seconds, double completedSeconds, long heapPeakBytes) {
    }

    /**
     * How much of the tables MariaDB can keep in memory. Both the raw read and the export read through its buffer
     * pool, and MariaDB reads around the OS's page cache (O_DIRECT), so a pool far smaller than the tables makes both
     * wait for the disk: the figures are only comparable with the same pool.
     */
    private static void printBufferPool(MariaDbServer server) throws SQLException {
        try (Connection connection = server.dataSource(DATABASE).getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@innodb_buffer_pool_size,"
                     + " (SELECT SUM(data_length + index_length) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE())")) {
            result.next();
            System.out.printf(Locale.ROOT, "MariaDB buffer pool %,d MB for %,d MB of tables%n", result.getLong(1) >> 20,
                    result.getLong(2) >> 20);
        }
    }

    /** Streams every row the export reads, with plain JDBC, and returns the seconds it took. */
    private static double rawRead(MariaDbServer server) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection connection = server.dataSource(DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            for (String sql : RAW_READS) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int c = 1; c <= columns; c++) {
                            result.getObject(c);
                        }
                        rows++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "raw read: %,d rows in %.1f s%n", rows, seconds);
        return seconds;
    }

    /** @param upload false for a dry run: the files are written and nothing is sent */
    private static Result export(MariaDbServer server, int sandboxPort, boolean upload) throws Exception {
        Path work = Files.createTempDirectory("ferry-history-bench");
        try {
            return export(work, server, sandboxPort, upload);
        } finally {
            // a run's files are gigabytes: left behind, they fill the disk and their write-back slows the next run
            Directories.deleteRecursively(work);
        }
    }

    private static Result export(Path work, MariaDbServer server, int sandboxPort, boolean upload) throws Exception {
        try (StateDatabase state = StateDatabase.open("jdbc:h2:file:" + work.resolve("state"), "", "");
             CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("state", state);
            camel.addComponent("aep", aepComponent("http://127.0.0.1:" + sandboxPort));
            List<String> batchIds = new CopyOnWriteArrayList<>();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:batch").to("aep:batch?batchPollInterval=500")
                            .process(exchange -> batchIds.add(exchange.getMessage().getHeader(AepHeaders.BATCH_ID,
                                    String.class)));
                }
            });
            camel.start();
            HeapPeak heap = new HeapPeak();
            long startedAtMillis = System.currentTimeMillis();
            long started = System.nanoTime();
            HistorySummary summary = camel.createProducerTemplate().requestBody("commerce-history:bench?url=RAW("
                    + server.jdbcUrl(DATABASE) + ")&user=" + server.user() + "&password=RAW(" + server.password()
                    + ")&from=2021-01-01&to=2026-11-01&outDir=RAW(" + work.resolve("files") + ")&fileSize=268435456"
                    + "&filesPerBatch=4" + (upload ? "&sinkUri=direct:batch" : ""), null,
                    HistorySummary.class);
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = heap.stop();
            if (!summary.succeeded() || summary.deadLettered() != 0) {
                throw new IllegalStateException("the benchmark export did not succeed cleanly: " + summary);
            }
            double completedSeconds = upload
                    ? (lastCompletedMillis(sandboxPort, batchIds) - startedAtMillis) / 1e3 : seconds;
            return new Result(summary, seconds, completedSeconds, peak);
        }
    }

    /**
     * The most heap in use at once during the export, sampled every 20 ms. The heap pools' own peaks fall at different
     * moments, so their sum (what this benchmark reported before) overstates it, past the cap itself.
     */
    private static final class HeapPeak {

        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        HeapPeak() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        long stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
            return peak.get();
        }
    }

    /**
     * When the last of the batches was completed by Ferry: the latest {@code started} in Catalog (the sandbox sets it
     * when it receives COMPLETE and starts validating), in epoch millis of this machine's clock. Prints how long the
     * sandbox took over each batch, from {@code started} to {@code completed}: AEP's side of the export.
     */
    private static long lastCompletedMillis(int sandboxPort, List<String> batchIds) throws Exception {
        SandboxSettings s = SandboxSettings.defaults();
        String base = "http://127.0.0.1:" + sandboxPort;
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=" + enc(s.clientId()) + "&client_secret="
                + enc(s.clientSecret()) + "&scope=openid";
        String token = Xdm.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .body()).get("access_token").asText();
        long last = 0;
        // the route sees each batch at every step (create, each file, complete), so each id comes several times
        for (String batchId : batchIds.stream().distinct().toList()) {
            JsonNode catalog = Xdm.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base
                            + "/data/foundation/catalog/batches/" + enc(batchId)))
                    .header("Authorization", "Bearer " + token).header("x-api-key", s.clientId())
                    .header("x-gw-ims-org-id", s.imsOrgId()).header("x-sandbox-name", s.sandboxName()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            long started = catalog.findValue("started").asLong();
            last = Math.max(last, started);
            System.out.printf(Locale.ROOT, "batch %s: the sandbox processed it in %.1f s%n", batchId,
                    (catalog.findValue("completed").asLong() - started) / 1e3);
        }
        return last;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static AepComponent aepComponent(String url) {
        SandboxSettings s = SandboxSettings.defaults();
        AepComponent aep = new AepComponent();
        aep.setImsUrl(url);
        aep.setPlatformUrl(url);
        aep.setClientId(s.clientId());
        aep.setClientSecret(s.clientSecret());
        aep.setOrgId(s.imsOrgId());
        aep.setSandboxName(s.sandboxName());
        aep.setDatasetId(s.datasetId());
        return aep;
    }

    /** The sandbox in a JVM of its own (this class path), so its memory is not counted as the export's. */
    static Process startSandbox(int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx8g", "-cp", System.getProperty("java.class.path"), SandboxServer.class.getName(),
                Integer.toString(port)).inheritIO().start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroy();
        throw new IllegalStateException("the sandbox did not start on port " + port);
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The sandbox process: listens until killed, keeping only the last events it received. */
    public static final class SandboxServer {
        public static void main(String[] args) throws InterruptedException {
            AepSandbox.start(SandboxSettings.defaults().toBuilder().port(Integer.parseInt(args[0]))
                    .eventCapacity(10_000).build());
            Thread.currentThread().join();
        }
    }
}

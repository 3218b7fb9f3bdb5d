package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.aep.AepComponent;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.orders.CommerceOrdersConsumer;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.CommerceSchema;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.SandboxSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Back-office order events from a MariaDB with Magento's schema to the AEP sandbox through Ferry's real orders path:
 * {@code commerce-orders:} with the options of routes/commerce-orders.yaml into {@code outbox:streaming} (H2 file
 * state database, as Ferry runs by default), drained by {@code outbox:streaming -> aep:streaming} as
 * routes/aep-delivery.yaml does. Two phases:
 *
 * <ul>
 *   <li><b>latency</b>: N changes committed one by one at a steady rate (placed, invoiced, shipped and so completed,
 *       refunded, cancelled), each change's commit time taken when its commit returns; the latency of each of its
 *       events is the sandbox's acceptance time minus that commit time, matched by the deterministic {@code _id};</li>
 *   <li><b>burst</b>: about M changes (copies of 1,000 sample orders with their invoices, shipments, credit memos,
 *       cancels, all in ten seconds of {@code created_at}/{@code updated_at}) committed before Ferry starts from their
 *       first second; events/s until the poller has committed them all to the outbox and until the sandbox has
 *       accepted them all. The baseline, in the same run: plain JDBC reading the same rows (the change-detection
 *       queries' rows and the order rows the mapping reads) in one streaming query per table.</li>
 * </ul>
 *
 * <p>Arguments: changes, changes per second, burst changes, and optionally endpoint options appended to the
 * consumer's URI (such as {@code &maxChangesPerPoll=100000000}, to compare). Run: see docs/PERFORMANCE.md
 * ("Back-office orders").
 */
public final class OrdersBenchmark {

    private static final String DATABASE = "ferry_bench_orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrdersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String options = args.length > 3 ? args[3] : "";
        try (MariaDbServer server = MariaDbServer.machineOrEmbedded()) {
            server.dropDatabase(DATABASE);
            server.createDatabase(DATABASE);
            try {
                DataSource commerce = server.dataSource(DATABASE);
                CommerceSchema.create(commerce);
                // The burst's template orders, all older than anything the phases write.
                new CommerceSampleData(7).seed(commerce, SampleSize.defaults().withCustomers(300)
                        .withOrders(HistoryBenchData.TEMPLATE_ORDERS).withCreatedBetween(
                                Instant.parse("2021-11-01T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z")));
                if (changes > 0) {
                    latency(server, commerce, changes, rate, options);
                }
                if (burst > 0) {
                    burst(server, commerce, burst, options);
                }
            } finally {
                server.dropDatabase(DATABASE);
            }
        }
    }

    // ---------------------------------------------------------------- latency

    private static void latency(MariaDbServer server, DataSource commerce, int changes, double rate, String options)
            throws Exception {
        String load = loadAverage();
        try (Ferry ferry = Ferry.start(server, "", options)) {
            Map<String, Instant> committed = new HashMap<>();
            try (Connection connection = commerce.getConnection()) {
                new ChangeMix(connection, customers(connection)).commit(changes, rate, committed);
            }
            Map<String, Instant> accepted = ferry.awaitAccepted(committed.keySet(), Duration.ofMinutes(2));
            List<Long> millis = new ArrayList<>();
            committed.forEach((id, time) -> millis.add(Duration.between(time, accepted.get(id)).toMillis()));
            millis.sort(null);
            System.out.printf(Locale.ROOT, "latency: %,d changes at %.0f/s, %,d events: p50 %,d ms, p95 %,d ms, "
                            + "max %,d ms (load average %s, after %s)%n", changes, rate, millis.size(),
                    percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), load,
                    loadAverage());
            ferry.checkClean(millis.size());
        }
    }

    /** The id of the event a change makes, as the connector derives it (core's EventIds). */
    static String eventId(String incrementId, String kind, long subId) {
        return EventIds.deterministic("commerce-order", incrementId, kind, String.valueOf(subId));
    }

    /**
     * A steady stream of changes in a fixed mix of ten: four orders placed, three invoiced, one shipped (which
     * completes it: two events), one fully refunded, one cancelled; each commits on its own.
     */
    private static final class ChangeMix {

        private final Connection connection;
        private final List<Long> customers;
        private final Deque<Long> placed = new ArrayDeque<>();
        private final Deque<Long> invoiced = new ArrayDeque<>();
        private final Map<Long, String> incrementIds = new HashMap<>();

        ChangeMix(Connection connection, List<Long> customers) {
            this.connection = connection;
            this.customers = customers;
        }

        /** Commits {@code changes} changes at {@code rate} a second, recording each event's commit time by _id. */
        void commit(int changes, double rate, Map<String, Instant> committed) throws Exception {
            long start = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                change(i % 10, committed);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "committed %,d changes in %.1f s (%.1f/s)%n", changes, seconds,
                    changes / seconds);
        }

        private void change(int slot, Map<String, Instant> committed) throws SQLException {
            boolean place = slot < 4 || ((slot < 7 || slot == 9) ? placed.isEmpty() : invoiced.isEmpty());
            if (place) {
                NewOrder order = slot % 2 == 0 ? NewOrder.byGuest("bench.guest" + (placed.size() % 50) + "@example.com")
                        : NewOrder.byCustomer(customers.get(placed.size() % customers.size()));
                long orderId = CommerceSampleData.placeOrder(connection, order.withItem("FY-TEE-M-Blue", 1));
                Instant at = Instant.now();
                committed.put(eventId(incrementId(orderId), "placed", orderId), at);
                placed.addLast(orderId);
            } else if (slot < 7) {
                long orderId = placed.removeFirst();
                long invoiceId = CommerceSampleData.invoice(connection, orderId);
                committed.put(eventId(incrementId(orderId), "invoiced", invoiceId), Instant.now());
                invoiced.addLast(orderId);
            } else if (slot == 7) {
                long orderId = invoiced.removeFirst();
                long shipmentId = CommerceSampleData.ship(connection, orderId, "ups", "1Z" + orderId);
                Instant at = Instant.now();
                committed.put(eventId(incrementId(orderId), "shipped", shipmentId), at);
                committed.put(eventId(incrementId(orderId), "completed", orderId), at);
            } else if (slot == 8) {
                long orderId = invoiced.removeFirst();
                long memoId = CommerceSampleData.refund(connection, orderId);
                committed.put(eventId(incrementId(orderId), "creditmemo", memoId), Instant.now());
            } else {
                long orderId = placed.removeFirst();
                CommerceSampleData.cancel(connection, orderId);
                committed.put(eventId(incrementId(orderId), "cancelled", orderId), Instant.now());
            }
        }

        private String incrementId(long orderId) throws SQLException {
            String known = incrementIds.get(orderId);
            if (known != null) {
                return known;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT increment_id FROM sales_order WHERE entity_id = ?")) {
                select.setLong(1, orderId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    incrementIds.put(orderId, rows.getString(1));
                    return rows.getString(1);
                }
            }
        }
    }

    // ---------------------------------------------------------------- burst

    /** The rows of each change source in the burst, as the detector's queries read them. */
    private static final List<String> DETECTION_READS = List.of(
            "SELECT o.entity_id, o.increment_id, o.store_id, o.created_at FROM sales_order o WHERE o.created_at >= ?",
            "SELECT o.entity_id, o.increment_id, o.store_id, o.state, o.updated_at FROM sales_order o"
                    + " WHERE o.updated_at >= ? AND o.state IN ('canceled', 'complete')",
            "SELECT c.order_id, o.increment_id, o.store_id, c.entity_id, c.created_at FROM sales_invoice c"
                    + " JOIN sales_order o ON o.entity_id = c.order_id WHERE c.created_at >= ?",
            "SELECT c.order_id, o.increment_id, o.store_id, c.entity_id, c.created_at FROM sales_shipment c"
                    + " JOIN sales_order o ON o.entity_id = c.order_id WHERE c.created_at >= ?",
            "SELECT c.order_id, o.increment_id, o.store_id, c.entity_id, c.created_at FROM sales_creditmemo c"
                    + " JOIN sales_order o ON o.entity_id = c.order_id WHERE c.created_at >= ?");

    /** The order rows the mapping reads (SalesOrderReader's columns), for the burst's orders: {@code ?} is the span. */
    private static final List<String> ORDER_READS = List.of(
            "SELECT entity_id, increment_id, state, status, store_id, customer_id, customer_email, grand_total,"
                    + " tax_amount, discount_amount, shipping_amount, shipping_method, order_currency_code, created_at,"
                    + " updated_at FROM sales_order WHERE entity_id >= ?",
            "SELECT item_id, order_id, parent_item_id, sku, name, qty_ordered, row_total, discount_amount,"
                    + " product_options FROM sales_order_item WHERE order_id >= ?",
            "SELECT parent_id, address_type, street, city, region, postcode, country_id FROM sales_order_address"
                    + " WHERE parent_id >= ?",
            "SELECT parent_id, method, amount_paid, amount_ordered, last_trans_id FROM sales_order_payment"
                    + " WHERE parent_id >= ?",
            "SELECT entity_id, order_id, created_at, grand_total, transaction_id FROM sales_invoice WHERE order_id >= ?",
            "SELECT entity_id, order_id, created_at FROM sales_shipment WHERE order_id >= ?",
            "SELECT i.parent_id, i.order_item_id, i.sku, i.name, i.qty, i.row_total FROM sales_shipment_item i"
                    + " JOIN sales_shipment s ON s.entity_id = i.parent_id WHERE s.order_id >= ?",
            "SELECT entity_id, parent_id, track_number, carrier_code, title FROM sales_shipment_track"
                    + " WHERE order_id >= ?",
            "SELECT entity_id, order_id, created_at, grand_total, order_currency_code, transaction_id"
                    + " FROM sales_creditmemo WHERE order_id >= ?",
            "SELECT i.parent_id, i.order_item_id, i.sku, i.name, i.qty, i.row_total, i.discount_amount"
                    + " FROM sales_creditmemo_item i JOIN sales_creditmemo c ON c.entity_id = i.parent_id"
                    + " WHERE c.order_id >= ?");

    private static void burst(MariaDbServer server, DataSource commerce, int wanted, String options)
            throws Exception {
        Instant from;
        long firstOrder;
        long changes;
        try (Connection connection = commerce.getConnection()) {
            long perTemplate = countChanges(connection, Instant.parse("2000-01-01T00:00:00Z"));
            int copies = (int) Math.max(1, Math.round((double) wanted / perTemplate));
            Thread.sleep(1_000); // the burst's first second is after everything the latency phase wrote
            from = single(connection, "SELECT UTC_TIMESTAMP()", Instant.class);
            long started = System.nanoTime();
            Map<String, Long> spans = HistoryBenchData.copyOrders(connection, copies);
            firstOrder = spans.get("sales_order");
            spreadOverTenSeconds(connection, spans, from);
            changes = countChanges(connection, from);
            System.out.printf(Locale.ROOT, "burst: %,d orders copied %d times in %.1f s: %,d changes from %s%n",
                    HistoryBenchData.TEMPLATE_ORDERS, copies, (System.nanoTime() - started) / 1e9, changes, from);
        }
        rawRead(commerce, from, firstOrder); // warms MariaDB's buffer pool for both
        String rawLoad = loadAverage();
        double rawSeconds = rawRead(commerce, from, firstOrder);

        String load = loadAverage();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (Ferry ferry = Ferry.start(server, "&startFrom=" + from, options)) {
            long started = ferry.startedNanos;
            double toOutbox = Double.NaN;
            double toSandbox = Double.NaN;
            long deadline = started + Duration.ofMinutes(30).toNanos();
            long report = started;
            while (System.nanoTime() < deadline && Double.isNaN(toSandbox)) {
                Thread.sleep(50);
                long committed = ferry.committed();
                long accepted = ferry.acceptedCount();
                long now = System.nanoTime();
                if (Double.isNaN(toOutbox) && committed >= changes) {
                    toOutbox = (now - started) / 1e9;
                }
                if (accepted >= changes) {
                    toSandbox = (now - started) / 1e9;
                }
                if (now - report > 10_000_000_000L) {
                    report = now;
                    System.out.printf(Locale.ROOT, "  %5.0f s: %,d committed to the outbox, %,d accepted, heap %d MB%n",
                            (now - started) / 1e9, committed, accepted, heapUsed() >> 20);
                }
            }
            if (Double.isNaN(toSandbox)) {
                throw new IllegalStateException("the burst did not arrive within 30 minutes: " + ferry.committed()
                        + " committed, " + ferry.acceptedCount() + " accepted of " + changes);
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            double rawRate = changes / rawSeconds;
            System.out.printf(Locale.ROOT, "burst: %,d changes; raw JDBC read %.2f s (%,.0f changes/s, load %s); "
                            + "Ferry (load %s, after %s): to the outbox %.1f s (%,.0f events/s, %.3f of raw), "
                            + "accepted by the sandbox %.1f s (%,.0f events/s, %.3f of raw); heap peak %d MB of %d MB%n",
                    changes, rawSeconds, rawRate, rawLoad, load, loadAverage(), toOutbox, changes / toOutbox,
                    changes / toOutbox / rawRate, toSandbox, changes / toSandbox, changes / toSandbox / rawRate,
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            ferry.checkClean(changes);
        }
    }

    /** The changes the detector finds from {@code from} on: every source's rows, terminal order states only. */
    private static long countChanges(Connection connection, Instant from) throws SQLException {
        String at = sqlTime(from);
        return single(connection, "SELECT (SELECT COUNT(*) FROM sales_order WHERE created_at >= " + at + ")"
                + " + (SELECT COUNT(*) FROM sales_order WHERE updated_at >= " + at
                + " AND state IN ('canceled', 'complete'))"
                + " + (SELECT COUNT(*) FROM sales_invoice WHERE created_at >= " + at + ")"
                + " + (SELECT COUNT(*) FROM sales_shipment WHERE created_at >= " + at + ")"
                + " + (SELECT COUNT(*) FROM sales_creditmemo WHERE created_at >= " + at + ")", Long.class);
    }

    /**
     * Moves the copies' change times into ten seconds from {@code from} (a tenth in each second, by key), so the
     * burst is many changes sharing each second, as a bulk import or a busy sale writes them.
     */
    private static void spreadOverTenSeconds(Connection connection, Map<String, Long> spans, Instant from)
            throws SQLException {
        String at = sqlTime(from);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sales_order SET created_at = " + at + " + INTERVAL (entity_id % 10) SECOND,"
                    + " updated_at = " + at + " + INTERVAL (entity_id % 10) SECOND WHERE entity_id >= "
                    + spans.get("sales_order"));
            for (String table : List.of("sales_invoice", "sales_shipment", "sales_creditmemo")) {
                statement.executeUpdate("UPDATE " + table + " SET created_at = " + at
                        + " + INTERVAL (order_id % 10) SECOND, updated_at = " + at
                        + " + INTERVAL (order_id % 10) SECOND WHERE entity_id >= " + spans.get(table));
            }
        }
    }

    /** Streams every row the burst makes Ferry read, with plain JDBC, and returns the seconds it took. */
    private static double rawRead(DataSource commerce, Instant from, long firstOrder) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection connection = commerce.getConnection()) {
            for (String sql : DETECTION_READS) {
                rows += stream(connection, sql, java.time.LocalDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            }
            for (String sql : ORDER_READS) {
                rows += stream(connection, sql, firstOrder);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "raw read: %,d rows in %.2f s%n", rows, seconds);
        return seconds;
    }

    private static long stream(Connection connection, String sql, Object parameter) throws SQLException {
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int c = 1; c <= columns; c++) {
                        result.getObject(c);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- Ferry, the sandbox, helpers

    /**
     * Ferry's orders path and delivery route, on a fresh H2 file state database, into a fresh AEP sandbox in a JVM of
     * its own (so this JVM's heap and CPU are Ferry's), which keeps the last 10,000 events it accepted.
     */
    private static final class Ferry implements AutoCloseable {

        private final Process sandbox;
        private final String sandboxUrl;
        private final StateDatabase state;
        private final CamelContext camel;
        private final HttpClient http = HttpClient.newHttpClient();
        private final long startedNanos;

        private Ferry(Process sandbox, String sandboxUrl, StateDatabase state, CamelContext camel, long startedNanos) {
            this.sandbox = sandbox;
            this.sandboxUrl = sandboxUrl;
            this.state = state;
            this.camel = camel;
            this.startedNanos = startedNanos;
        }

        /** @param startFrom the consumer's startFrom option, or "" for the default (now) */
        static Ferry start(MariaDbServer server, String startFrom, String options) throws Exception {
            int port = HistoryBenchmark.freePort();
            Process sandbox = HistoryBenchmark.startSandbox(port);
            try {
                return start(server, startFrom, options, sandbox, "http://127.0.0.1:" + port);
            } catch (Exception | Error e) {
                sandbox.destroy(); // a sandbox left running would outlive this JVM
                throw e;
            }
        }

        private static Ferry start(MariaDbServer server, String startFrom, String options, Process sandbox,
                                   String sandboxUrl) throws Exception {
            Path dir = Files.createTempDirectory("ferry-orders-bench");
            StateDatabase state = StateDatabase.open("jdbc:h2:file:" + dir.resolve("state"), "", "");
            CamelContext camel = new DefaultCamelContext();
            camel.getRegistry().bind("state", state);
            camel.addComponent("aep", aepComponent(sandboxUrl));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // routes/commerce-orders.yaml: a JDBC URL (HikariCP pools it) and the default poll interval.
                    from("commerce-orders:orders?url=RAW(" + server.jdbcUrl(DATABASE) + ")&user=RAW(" + server.user()
                            + ")&password=RAW(" + server.password() + ")&pollInterval=2000" + startFrom + options)
                            .routeId("commerce-orders").to("outbox:streaming");
                    from("outbox:streaming").routeId("outbox-to-aep-streaming").to("aep:streaming");
                }
            });
            long started = System.nanoTime();
            camel.start();
            return new Ferry(sandbox, sandboxUrl, state, camel, started);
        }

        /** Events the poller has committed to the outbox. */
        long committed() {
            CommerceOrdersConsumer consumer = (CommerceOrdersConsumer) camel.getRoute("commerce-orders").getConsumer();
            return consumer.getEventCounts().values().stream().mapToLong(Long::longValue).sum();
        }

        long acceptedCount() throws Exception {
            return get("/sandbox/stats").path("events").path("accepted").asLong();
        }

        private JsonNode get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }

        /** When the sandbox accepted each of these events (its receivedAt), waiting for all of them. */
        Map<String, Instant> awaitAccepted(java.util.Set<String> ids, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, Instant> accepted = new HashMap<>();
            while (true) {
                for (JsonNode event : get("/sandbox/events?limit=10000")) {
                    String id = event.path("id").asText();
                    if (event.path("valid").asBoolean() && ids.contains(id)) {
                        Instant at = Instant.parse(event.path("receivedAt").asText());
                        accepted.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                if (accepted.size() == ids.size()) {
                    return accepted;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + accepted.size() + " of " + ids.size()
                            + " events reached the sandbox within " + timeout);
                }
                Thread.sleep(1_000);
            }
        }

        /** Fails unless the sandbox accepted exactly {@code events} events, none twice, none rejected. */
        void checkClean(long events) throws Exception {
            JsonNode counts = get("/sandbox/stats").path("events");
            if (counts.path("accepted").asLong() != events || counts.path("rejected").asLong() != 0
                    || counts.path("duplicateIds").asLong() != 0 || state.deadLetters().count() != 0) {
                throw new IllegalStateException("the run was not clean: sandbox " + counts + ", dead letters "
                        + state.deadLetters().count() + ", expected " + events + " events");
            }
        }

        @Override
        public void close() {
            camel.stop();
            state.close();
            sandbox.destroy();
        }
    }

    private static AepComponent aepComponent(String url) {
        SandboxSettings s = SandboxSettings.defaults();
        AepComponent aep = new AepComponent();
        aep.setImsUrl(url);
        aep.setPlatformUrl(url);
        aep.setStreamingUrl(url);
        aep.setClientId(s.clientId());
        aep.setClientSecret(s.clientSecret());
        aep.setOrgId(s.imsOrgId());
        aep.setSandboxName(s.sandboxName());
        aep.setStreamingConnectionId(s.streamingConnectionId());
        aep.setDatasetId(s.datasetId());
        aep.setSchemaId(s.schemaId());
        return aep;
    }

    private static List<Long> customers(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT entity_id FROM customer_entity ORDER BY entity_id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static <T> T single(Connection connection, String sql, Class<T> type) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            if (type == Instant.class) {
                return type.cast(rows.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC));
            }
            return rows.getObject(1, type);
        }
    }

    /** A UTC instant as a MariaDB DATETIME literal. */
    private static String sqlTime(Instant time) {
        return "'" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.LocalDateTime.ofInstant(time, java.time.ZoneOffset.UTC)) + "'";
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}

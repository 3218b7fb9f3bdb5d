package dev.ferry.sample;

import static dev.ferry.sample.SampleDatabases.count;
import static dev.ferry.sample.SampleDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sample on a real MariaDB: the schema, the seeder, and both ways of getting a server. */
class CommerceSampleIT {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceSampleIT.class);

    private static MariaDbServer server;
    private static SampleDatabases databases;

    @BeforeAll
    static void startServer() {
        server = MariaDbServer.machineOrEmbedded();
        databases = new SampleDatabases(server);
        LOG.info("Testing on {}", server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Test
    void schemaCreationIsIdempotent() throws SQLException {
        String database = databases.create();
        try (Connection connection = databases.connect(database)) {
            CommerceSchema.create(connection);
            execute(connection, "INSERT INTO store_website (website_id, code, name) VALUES (5, 'kept', 'Kept')");

            CommerceSchema.create(connection);

            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                    database)).isEqualTo(CommerceSchema.TABLES.size());
            assertThat(count(connection, "SELECT COUNT(*) FROM store_website WHERE code = 'kept'")).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = ?", database)).isEqualTo(23);
            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                    + " AND COLUMN_NAME = 'updated_at' AND EXTRA LIKE 'on update current_timestamp%'", database))
                    .isEqualTo(9);
            assertThat(text(connection, "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_NAME = 'sales_order' AND COLUMN_NAME = 'grand_total'", database))
                    .isEqualTo("decimal(20,4)");
        }
    }

    @Test
    void seedingGivesTheCountsTheSummaryReports() throws SQLException {
        String database = databases.create();
        SampleSize size = SampleSize.defaults().withWebsites(2);

        SeededCommerce seeded = new CommerceSampleData(42).seed(server.dataSource(database), size);

        try (Connection connection = databases.connect(database)) {
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order")).isEqualTo(seeded.orders()).isEqualTo(200);
            assertThat(count(connection, "SELECT COUNT(*) FROM customer_entity")).isEqualTo(seeded.customers())
                    .isEqualTo(50);
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order WHERE customer_is_guest = 1"))
                    .isEqualTo(seeded.guestOrders()).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order_item")).isEqualTo(seeded.orderItems());
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_invoice")).isEqualTo(seeded.invoices());
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_shipment")).isEqualTo(seeded.shipments());
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_shipment_track")).isEqualTo(seeded.tracks());
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_creditmemo")).isEqualTo(seeded.creditmemos());
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_creditmemo c JOIN sales_order o"
                    + " ON o.entity_id = c.order_id WHERE o.total_refunded < o.total_paid"))
                    .isEqualTo(seeded.partialCreditmemos()).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM catalog_product_entity")).isEqualTo(seeded.products());
            assertThat(count(connection, "SELECT MIN(entity_id) FROM sales_order")).isEqualTo(seeded.firstOrderId());
            assertThat(count(connection, "SELECT MAX(entity_id) FROM sales_order")).isEqualTo(seeded.lastOrderId());
            assertThat(instant(connection, "SELECT MIN(created_at) FROM sales_order"))
                    .isEqualTo(seeded.firstOrderCreatedAt()).isAfterOrEqualTo(size.createdFrom());
            assertThat(instant(connection, "SELECT MAX(created_at) FROM sales_order"))
                    .isEqualTo(seeded.lastOrderCreatedAt()).isBefore(size.createdTo());
            assertThat(grouped(connection, "SELECT state, COUNT(*) FROM sales_order GROUP BY state"))
                    .isEqualTo(seeded.ordersByState())
                    .containsKeys("new", "processing", "complete", "canceled", "closed");
            assertThat(seeded.canceledOrders()).isPositive();
            assertThat(seeded.completeOrders()).isPositive();
            assertThat(grouped(connection, "SELECT code, store_id FROM store WHERE store_id > 0"))
                    .isEqualTo(Map.of("default", 1, "fr", 2, "de", 3)).isEqualTo(seeded.storeIds());

            assertThat(grouped(connection, "SELECT order_currency_code, COUNT(*) FROM sales_order GROUP BY 1"))
                    .containsKeys("USD", "EUR");
            assertThat(grouped(connection, "SELECT method, COUNT(*) FROM sales_order_payment GROUP BY 1"))
                    .containsKeys("checkmo", "braintree");
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order_payment WHERE method = 'braintree'"
                    + " AND (last_trans_id IS NULL OR additional_information NOT LIKE '%cc_number%')")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order WHERE coupon_code IS NOT NULL"
                    + " AND discount_amount < 0 AND applied_rule_ids IS NOT NULL")).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order_item WHERE product_type = 'configurable'"
                    + " AND product_options LIKE '%\"attributes_info\"%'")).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order WHERE grand_total <>"
                    + " subtotal + discount_amount + shipping_amount + tax_amount")).isZero();
        }
    }

    @Test
    void seedingIsDeterministicForASeedAndReplacesWhatWasThere() throws SQLException {
        SampleSize size = SampleSize.defaults().withWebsites(2);
        String first = databases.create();
        String second = databases.create();
        String otherSeed = databases.create();

        new CommerceSampleData(8).seed(server.dataSource(first), size);
        SeededCommerce firstSummary = new CommerceSampleData(7).seed(server.dataSource(first), size);
        SeededCommerce secondSummary = new CommerceSampleData(7).seed(server.jdbcUrl(second), server.user(),
                server.password(), size);
        new CommerceSampleData(8).seed(server.dataSource(otherSeed), size);

        assertThat(secondSummary).isEqualTo(firstSummary);
        try (Connection connection = databases.connect(first)) {
            for (String table : CommerceSchema.TABLES) {
                assertThat(checksum(connection, second + "." + table)).as(table)
                        .isEqualTo(checksum(connection, first + "." + table));
            }
            assertThat(checksum(connection, otherSeed + ".sales_order"))
                    .isNotEqualTo(checksum(connection, first + ".sales_order"));
        }
    }

    @Test
    void childRowsReferenceTheirOrders() throws SQLException {
        String database = databases.create();
        SeededCommerce seeded = new CommerceSampleData(3).seed(server.dataSource(database), SampleSize.defaults());

        try (Connection connection = databases.connect(database)) {
            for (String orphans : List.of(
                    "SELECT COUNT(*) FROM sales_order_item i LEFT JOIN sales_order o ON o.entity_id = i.order_id"
                            + " WHERE o.entity_id IS NULL",
                    "SELECT COUNT(*) FROM sales_order_item c JOIN sales_order_item p ON p.item_id = c.parent_item_id"
                            + " WHERE p.order_id <> c.order_id OR p.product_type <> 'configurable'",
                    "SELECT COUNT(*) FROM sales_order o WHERE 2 <> (SELECT COUNT(*) FROM sales_order_address a"
                            + " WHERE a.parent_id = o.entity_id)",
                    "SELECT COUNT(*) FROM sales_order o JOIN sales_order_address a ON a.entity_id = o.billing_address_id"
                            + " WHERE a.parent_id <> o.entity_id OR a.address_type <> 'billing'",
                    "SELECT COUNT(*) FROM sales_order o WHERE 1 <> (SELECT COUNT(*) FROM sales_order_payment p"
                            + " WHERE p.parent_id = o.entity_id)",
                    "SELECT COUNT(*) FROM sales_invoice_item ii JOIN sales_invoice i ON i.entity_id = ii.parent_id"
                            + " JOIN sales_order_item oi ON oi.item_id = ii.order_item_id WHERE oi.order_id <> i.order_id",
                    "SELECT COUNT(*) FROM sales_shipment_item si JOIN sales_shipment s ON s.entity_id = si.parent_id"
                            + " JOIN sales_order_item oi ON oi.item_id = si.order_item_id WHERE oi.order_id <> s.order_id",
                    "SELECT COUNT(*) FROM sales_shipment_track t JOIN sales_shipment s ON s.entity_id = t.parent_id"
                            + " WHERE t.order_id <> s.order_id",
                    "SELECT COUNT(*) FROM sales_creditmemo_item ci JOIN sales_creditmemo c ON c.entity_id = ci.parent_id"
                            + " JOIN sales_order_item oi ON oi.item_id = ci.order_item_id WHERE oi.order_id <> c.order_id",
                    "SELECT COUNT(*) FROM sales_creditmemo c JOIN sales_invoice i ON i.entity_id = c.invoice_id"
                            + " WHERE i.order_id <> c.order_id",
                    "SELECT COUNT(*) FROM sales_order o LEFT JOIN customer_entity c ON c.entity_id = o.customer_id"
                            + " WHERE o.customer_is_guest = 0 AND (c.entity_id IS NULL OR c.email <> o.customer_email)")) {
                assertThat(count(connection, orphans)).as(orphans).isZero();
            }
            for (String table : List.of("sales_invoice", "sales_shipment", "sales_creditmemo", "sales_shipment_track")) {
                assertThat(count(connection, "SELECT COUNT(*) FROM " + table + " d JOIN sales_order o"
                        + " ON o.entity_id = d.order_id WHERE d.created_at <= o.created_at")).as(table).isZero();
            }
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order WHERE updated_at < created_at")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order o JOIN customer_entity c"
                    + " ON c.entity_id = o.customer_id WHERE c.created_at >= o.created_at")).isZero();
            assertThat(seeded.tracks()).isPositive();
        }
    }

    @Test
    void seedsYearsOfOrdersInBatches() throws SQLException {
        String database = databases.create();
        Instant to = Instant.parse("2026-01-01T00:00:00Z");
        SampleSize size = SampleSize.defaults().withWebsites(2).withCustomers(2_000).withOrders(20_000)
                .withCreatedBetween(to.minus(Duration.ofDays(3 * 365)), to);

        long started = System.nanoTime();
        SeededCommerce seeded = new CommerceSampleData(11).seed(server.jdbcUrl(database), server.user(),
                server.password(), size);
        LOG.info("Seeded {} orders over 3 years in {} ms", seeded.orders(), (System.nanoTime() - started) / 1_000_000);

        assertThat(Duration.between(seeded.firstOrderCreatedAt(), seeded.lastOrderCreatedAt()))
                .isGreaterThan(Duration.ofDays(3 * 365 - 2));
        try (Connection connection = databases.connect(database)) {
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_order")).isEqualTo(20_000);
            assertThat(count(connection, "SELECT COUNT(*) FROM sales_invoice_item")).isPositive();
            assertThat(count(connection, "SELECT COUNT(DISTINCT YEAR(created_at)) FROM sales_order")).isGreaterThanOrEqualTo(3);
            for (String table : List.of("sales_order", "sales_invoice", "sales_shipment", "sales_creditmemo")) {
                assertThat(count(connection, "SELECT COUNT(*) FROM (SELECT created_at, LAG(created_at)"
                        + " OVER (ORDER BY entity_id) AS previous FROM " + table + ") t WHERE created_at < previous"))
                        .as("%s ids grow with time", table).isZero();
            }
        }
    }

    @Test
    void machineOrEmbeddedUsesTheMachineServerWhenItAnswers() throws SQLException {
        boolean machineAnswers = machineServerAnswers();

        try (MariaDbServer chosen = MariaDbServer.machineOrEmbedded();
                Connection connection = DriverManager.getConnection(chosen.jdbcUrl(""), chosen.user(), chosen.password())) {
            assertThat(chosen.isEmbedded()).isEqualTo(!machineAnswers);
            if (machineAnswers) {
                assertThat(chosen.port()).isEqualTo(3306);
                assertThatThrownBy(chosen::restart).isInstanceOf(IllegalStateException.class);
            }
            assertThat(text(connection, "SELECT @@session.time_zone")).isEqualTo("+00:00");
        }
    }

    @Test
    void embeddedServerStartsServesRestartsAndStops() throws Exception {
        Path dataDir = Path.of("target", "embedded-mariadb-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            long started = System.nanoTime();
            try (MariaDbServer embedded = MariaDbServer.embedded(dataDir)) {
                LOG.info("Embedded MariaDB started in {} ms", (System.nanoTime() - started) / 1_000_000);
                assertThat(embedded.isEmbedded()).isTrue();
                embedded.createDatabase("ferry_embedded");
                try (Connection connection = DriverManager.getConnection(embedded.jdbcUrl("ferry_embedded"),
                        embedded.user(), embedded.password())) {
                    CommerceSchema.create(connection);
                    execute(connection, "INSERT INTO store_website (website_id, code, name) VALUES (1, 'base', 'Main')");
                    assertThat(text(connection, "SELECT @@global.time_zone")).isEqualTo("+00:00");
                    assertThat(text(connection, "SELECT VERSION()")).startsWith("11.4");

                    embedded.restart();

                    assertThatThrownBy(() -> count(connection, "SELECT 1")).isInstanceOf(SQLException.class);
                }
                try (Connection afterRestart = DriverManager.getConnection(embedded.jdbcUrl("ferry_embedded"),
                        embedded.user(), embedded.password())) {
                    assertThat(count(afterRestart, "SELECT COUNT(*) FROM store_website")).isEqualTo(1);
                }

                embedded.stop();

                assertThatThrownBy(() -> DriverManager.getConnection(embedded.jdbcUrl("") + "&connectTimeout=500",
                        embedded.user(), embedded.password())).isInstanceOf(SQLException.class);
            }
            try (MariaDbServer reopened = MariaDbServer.embedded(dataDir);
                    Connection connection = DriverManager.getConnection(reopened.jdbcUrl("ferry_embedded"),
                            reopened.user(), reopened.password())) {
                assertThat(count(connection, "SELECT COUNT(*) FROM store_website")).as("data kept").isEqualTo(1);
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static boolean machineServerAnswers() {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?connectTimeout=1000",
                "root", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Instant instant(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
    }

    private static Map<String, Integer> grouped(Connection connection, String sql) throws SQLException {
        Map<String, Integer> groups = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                groups.put(result.getString(1), result.getInt(2));
            }
        }
        return groups;
    }

    private static long checksum(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("CHECKSUM TABLE " + table)) {
            result.next();
            return result.getLong(2);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

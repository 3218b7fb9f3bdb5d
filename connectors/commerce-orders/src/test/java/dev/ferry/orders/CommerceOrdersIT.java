package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.state.OutboxRecord;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.testing.TcpProxy;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.orders.changes.OrderWatermarks;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.SampleSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import dev.ferry.orders.changes.OrderWatermarks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * commerce-orders: on a real MariaDB with Magento's sales tables, into outbox:streaming on an H2 state database.
 * Changes are made live the way Magento makes them; each test looks only at the events of its own orders, counted as
 * the consumer sends them (before the outbox, which would hide a double by _id).
 */
class CommerceOrdersIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_orders_it_" + ProcessHandle.current().pid();

    private static MariaDbServer server;
    private static DataSource commerce;
    private static Set<String> seededIncrementIds;
    private static long customerId;

    private StateDatabase state;
    /** Where the poller finds the Commerce database: MariaDB itself, or a proxy a test can cut. */
    private DataSource pollerDatabase;
    private String outboxUri;
    private SimpleMeterRegistry meters;
    private final List<CamelContext> contexts = new ArrayList<>();
    private Connection connection;
    /** Every event the consumer handed the route in an exchange that reached the outbox step, doubles included. */
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    /** How many events each of those exchanges carried. */
    private final List<Integer> pollSizes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void seed() throws SQLException {
        server = MariaDbServer.machineOrEmbedded();
        commerce = new CommerceSampleData(11).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withWebsites(2).withCustomers(5).withOrders(20));
        try (Connection c = commerce.getConnection()) {
            seededIncrementIds = new HashSet<>(strings(c, "SELECT increment_id FROM sales_order"));
            customerId = Long.parseLong(strings(c, "SELECT MIN(entity_id) FROM customer_entity").get(0));
        }
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @BeforeEach
    void open() throws SQLException {
        state = StateDatabase.open("jdbc:h2:mem:orders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        connection = commerce.getConnection();
        pollerDatabase = commerce;
        outboxUri = "outbox:streaming";
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() throws SQLException {
        contexts.forEach(CamelContext::stop);
        connection.close();
        state.close();
    }

    private CamelContext start(String options, AtomicInteger failures) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("state", state);
        camel.getRegistry().bind("commerceDb", pollerDatabase);
        camel.getRegistry().bind("metricsRegistry", meters);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("commerce-orders:orders?dataSource=#commerceDb&pollInterval=100" + options).routeId("orders")
                        .process(exchange -> {
                            if (failures != null && failures.getAndDecrement() > 0) {
                                throw new IllegalStateException("the sink is down");
                            }
                        })
                        .process(exchange -> {
                            @SuppressWarnings("unchecked")
                            List<XdmEvent> events = exchange.getIn().getBody(List.class);
                            events.forEach(event -> sent.add(event.xdm().deepCopy()));
                            pollSizes.add(events.size());
                        })
                        .to(outboxUri);
            }
        });
        camel.start();
        contexts.add(camel);
        return camel;
    }

    private CamelContext start(String options) throws Exception {
        return start(options, null);
    }

    /** Every event in the outbox (undelivered; nothing drains it in these tests). */
    private List<JsonNode> outbox() {
        List<JsonNode> events = new ArrayList<>();
        for (OutboxRecord record : state.outbox().next("streaming", 100_000)) {
            try {
                events.add(Xdm.JSON.readTree(record.event().json()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }

    private List<JsonNode> eventsOf(String incrementId) {
        return sent.stream().filter(e -> incrementId.equals(e.path("commerce").path("order")
                .path("purchaseID").asText())).toList();
    }

    private List<String> typesOf(String incrementId) {
        return eventsOf(incrementId).stream().map(e -> e.get("eventType").asText()).toList();
    }

    private String incrementId(long orderId) throws SQLException {
        return strings(connection, "SELECT increment_id FROM sales_order WHERE entity_id = " + orderId).get(0);
    }

    private static String id(String incrementId, String kind, long subId) {
        return EventIds.deterministic("commerce-order", incrementId, kind, String.valueOf(subId));
    }

    private void awaitTypes(String incrementId, String... types) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(typesOf(incrementId)).containsExactlyInAnyOrder(types));
    }

    /** A few more polls, to show that nothing else arrives. */
    private static void letItPoll() throws InterruptedException {
        Thread.sleep(800);
    }

    @Test
    void placeInvoiceShipAndCompleteBecomeExactlyOneEventEachWithDeterministicIds() throws Exception {
        start("");
        long orderId = CommerceSampleData.placeOrder(connection,
                NewOrder.byCustomer(customerId).withItem("FY-TEE-M-Blue", 2).withItem("FY-BTL-01", 1));
        String inc = incrementId(orderId);
        awaitTypes(inc, "commerce.backofficeOrderPlaced");
        long invoiceId = CommerceSampleData.invoice(connection, orderId);
        long shipmentId = CommerceSampleData.ship(connection, orderId, "ups", "1Z999AA10123456784");

        awaitTypes(inc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderInvoiced",
                "commerce.backofficeOrderItemsShipped", "commerce.backofficeOrderShipmentCompleted");
        letItPoll();

        List<JsonNode> events = eventsOf(inc);
        assertThat(events).extracting(e -> e.get("_id").asText()).containsExactlyInAnyOrder(
                id(inc, "placed", orderId), id(inc, "invoiced", invoiceId), id(inc, "shipped", shipmentId),
                id(inc, "completed", orderId));
        assertThat(events).allSatisfy(e -> assertThat(CompatSchema.errors(e)).isEmpty());
        assertThat(events.get(0).at("/identityMap/commerceCustomerId/0/id").asText())
                .isEqualTo(String.valueOf(customerId));
        // The tee is a configurable's variant: a parent row and a child row in sales_order_item, one product.
        assertThat(strings(connection, "SELECT COUNT(*) FROM sales_order_item WHERE order_id = " + orderId))
                .containsExactly("3");
        JsonNode placed = events.stream().filter(e -> e.get("eventType").asText().endsWith("OrderPlaced"))
                .findFirst().orElseThrow();
        assertThat(placed.get("productListItems")).extracting(item -> item.get("SKU").asText())
                .containsExactly("FY-TEE-M-Blue", "FY-BTL-01");
        assertThat(placed.at("/productListItems/0/quantity").asInt()).isEqualTo(2);
        assertThat(placed.at("/productListItems/0/selectedOptions")).extracting(o -> o.get("value").asText())
                .contains("Blue", "M");
    }

    @Test
    void aShipmentThatDoesNotTouchSalesOrderUpdatedAtIsStillSeen() throws Exception {
        start("&events=placed,shipped");
        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("ship.only@example.com"));
        String inc = incrementId(orderId);
        awaitTypes(inc, "commerce.backofficeOrderPlaced");
        String before = strings(connection, "SELECT updated_at FROM sales_order WHERE entity_id = " + orderId).get(0);

        connection.setAutoCommit(false);
        long shipmentId = CommerceSampleData.ship(connection, orderId, "usps", "9400100000");
        try (PreparedStatement keep = connection.prepareStatement(
                "UPDATE sales_order SET updated_at = ? WHERE entity_id = ?")) {
            keep.setString(1, before);
            keep.setLong(2, orderId);
            keep.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
        assertThat(strings(connection, "SELECT updated_at FROM sales_order WHERE entity_id = " + orderId).get(0))
                .isEqualTo(before);

        awaitTypes(inc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderItemsShipped");
        JsonNode shipped = eventsOf(inc).stream()
                .filter(e -> e.get("eventType").asText().endsWith("ItemsShipped")).findFirst().orElseThrow();
        assertThat(shipped.get("_id").asText()).isEqualTo(id(inc, "shipped", shipmentId));
        assertThat(shipped.at("/commerce/shipping/trackingNumber").asLong()).isEqualTo(9400100000L);
        assertThat(shipped.at("/identityMap/commerceCustomerId").isMissingNode()).isTrue();
        assertThat(shipped.at("/identityMap/Email_LC_SHA256/0/id").asText())
                .isEqualTo(Identities.emailSha256("ship.only@example.com"));
        assertThat(shipped.at("/identityMap/Email_LC_SHA256/0/primary").asBoolean()).isTrue();
    }

    @Test
    void cancelAndFullAndPartialRefundsBecomeOneEventEach() throws Exception {
        start("");
        long cancelled = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("cancel@example.com"));
        long refunded = CommerceSampleData.placeOrder(connection,
                NewOrder.byCustomer(customerId).withItem("FY-BTL-01", 3));
        CommerceSampleData.cancel(connection, cancelled);
        CommerceSampleData.invoice(connection, refunded);
        long partial = CommerceSampleData.refundPartially(connection, refunded);
        long full = CommerceSampleData.refund(connection, refunded);

        String cancelledInc = incrementId(cancelled);
        String refundedInc = incrementId(refunded);
        awaitTypes(cancelledInc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderCancelled");
        awaitTypes(refundedInc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderInvoiced",
                "commerce.backofficeCreditMemoIssued", "commerce.backofficeCreditMemoIssued");
        letItPoll();

        assertThat(typesOf(cancelledInc)).hasSize(2);
        assertThat(eventsOf(cancelledInc)).anySatisfy(e -> {
            assertThat(e.get("_id").asText()).isEqualTo(id(cancelledInc, "cancelled", cancelled));
            assertThat(e.at("/commerce/order/cancelDate").isTextual()).isTrue();
        });
        assertThat(eventsOf(refundedInc)).extracting(e -> e.get("_id").asText())
                .contains(id(refundedInc, "creditmemo", partial), id(refundedInc, "creditmemo", full));
        assertThat(typesOf(refundedInc)).hasSize(4);
        assertThat(outbox()).allSatisfy(e -> assertThat(CompatSchema.errors(e)).isEmpty());
    }

    @Test
    void theOverlapWindowRereadsLateCommitsButNeverEmitsTwice() throws Exception {
        Instant start = Instant.parse(strings(connection,
                "SELECT DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL 2 MINUTE, '%Y-%m-%dT%H:%i:%sZ')").get(0));
        start("&startFrom=" + start + "&overlapSeconds=300");
        long early = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("early@example.com"));
        long later = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("later@example.com"));
        String earlyInc = incrementId(early);
        awaitTypes(incrementId(later), "commerce.backofficeOrderPlaced");

        // A transaction that started before the watermark and commits after it: its invoice is 60 s old.
        connection.setAutoCommit(false);
        long invoiceId = CommerceSampleData.invoice(connection, early);
        try (PreparedStatement back = connection.prepareStatement(
                "UPDATE sales_invoice SET created_at = created_at - INTERVAL 60 SECOND WHERE entity_id = ?")) {
            back.setLong(1, invoiceId);
            back.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);

        awaitTypes(earlyInc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderInvoiced");
        letItPoll();
        assertThat(typesOf(earlyInc)).hasSize(2);
        assertThat(typesOf(incrementId(later))).hasSize(1);
        assertThat(OrderWatermarks.fromCheckpoints("commerce-orders:orders", key -> state.checkpoints().get(key))
                .orElseThrow().hasSeen(OrderChangeKind.INVOICED, invoiceId)).isTrue();
    }

    @Test
    void twoOrdersInTheSameSecondCommittedAcrossAPollAreBothSentOnce() throws Exception {
        start("");
        long first = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("same.first@example.com"));
        String firstInc = incrementId(first);
        awaitTypes(firstInc, "commerce.backofficeOrderPlaced");
        letItPoll(); // the sales_order.created_at watermark now stands on the first order's second

        connection.setAutoCommit(false);
        long second = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("same.second@example.com"));
        try (PreparedStatement same = connection.prepareStatement("UPDATE sales_order o JOIN sales_order f"
                + " ON f.entity_id = ? SET o.created_at = f.created_at, o.updated_at = f.created_at"
                + " WHERE o.entity_id = ?")) {
            same.setLong(1, first);
            same.setLong(2, second);
            same.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);

        String secondInc = incrementId(second);
        awaitTypes(secondInc, "commerce.backofficeOrderPlaced");
        letItPoll();
        assertThat(typesOf(firstInc)).hasSize(1);
        assertThat(typesOf(secondInc)).hasSize(1);
    }

    @Test
    void aBurstLargerThanMaxChangesPerPollArrivesCompleteAndOnceEvenWithinOneSecond() throws Exception {
        start("&maxChangesPerPoll=7");
        letItPoll();
        List<Long> orders = new ArrayList<>();
        List<Long> invoices = new ArrayList<>();
        connection.setAutoCommit(false);
        for (int i = 0; i < 40; i++) {
            orders.add(CommerceSampleData.placeOrder(connection, NewOrder.byGuest("burst" + i + "@example.com")));
        }
        for (long orderId : orders.subList(0, 12)) {
            invoices.add(CommerceSampleData.invoice(connection, orderId));
        }
        // Every change in one second: the cap must cut inside that second and resume exactly there.
        try (PreparedStatement same = connection.prepareStatement("UPDATE sales_order o JOIN sales_invoice i"
                + " ON i.order_id = o.entity_id SET o.created_at = ?, o.updated_at = ?, i.created_at = ?"
                + " WHERE o.entity_id BETWEEN ? AND ?");
             PreparedStatement orderTimes = connection.prepareStatement("UPDATE sales_order SET created_at = ?,"
                + " updated_at = ? WHERE entity_id BETWEEN ? AND ?")) {
            String second = strings(connection, "SELECT UTC_TIMESTAMP()").get(0);
            orderTimes.setString(1, second);
            orderTimes.setString(2, second);
            orderTimes.setLong(3, orders.get(0));
            orderTimes.setLong(4, orders.get(orders.size() - 1));
            orderTimes.executeUpdate();
            for (int p = 1; p <= 3; p++) {
                same.setString(p, second);
            }
            same.setLong(4, orders.get(0));
            same.setLong(5, orders.get(orders.size() - 1));
            same.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            String inc = incrementId(orders.get(i));
            expected.add(id(inc, "placed", orders.get(i)));
            if (i < invoices.size()) {
                expected.add(id(inc, "invoiced", invoices.get(i)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sent)
                .extracting(e -> e.get("_id").asText()).containsAll(expected));
        letItPoll();
        assertThat(sent).extracting(e -> e.get("_id").asText()).filteredOn(expected::contains)
                .hasSize(expected.size()).doesNotHaveDuplicates();
        assertThat(pollSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
        assertThat(strings(connection, "SELECT COUNT(DISTINCT created_at) FROM sales_order WHERE entity_id BETWEEN "
                + orders.get(0) + " AND " + orders.get(orders.size() - 1))).containsExactly("1");
    }

    @Test
    void aRestartResumesFromTheCommittedWatermarkWithoutLossOrDuplication() throws Exception {
        CamelContext first = start("");
        long one = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("one@example.com"));
        String oneInc = incrementId(one);
        awaitTypes(oneInc, "commerce.backofficeOrderPlaced");
        first.stop();

        // While Ferry is down: a new order and an invoice of the first.
        long two = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("two@example.com"));
        CommerceSampleData.invoice(connection, one);
        String twoInc = incrementId(two);
        assertThat(typesOf(twoInc)).isEmpty();

        start("&startFrom=2000-01-01T00:00:00Z"); // ignored: the committed watermark wins
        awaitTypes(oneInc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderInvoiced");
        awaitTypes(twoInc, "commerce.backofficeOrderPlaced");
        letItPoll();
        assertThat(typesOf(oneInc)).hasSize(2);
        assertThat(typesOf(twoInc)).hasSize(1);
        assertThat(outbox()).noneMatch(e -> seededIncrementIds.contains(e.at("/commerce/order/purchaseID").asText()));
    }

    @Test
    void aFailedExchangeKeepsTheWatermarkAndTheNextPollDeliversOnce() throws Exception {
        AtomicInteger failures = new AtomicInteger(0);
        start("", failures);
        letItPoll();
        failures.set(3);
        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("retry@example.com"));
        String inc = incrementId(orderId);

        awaitTypes(inc, "commerce.backofficeOrderPlaced");
        assertThat(failures.get()).isLessThanOrEqualTo(0);
        letItPoll();
        assertThat(typesOf(inc)).hasSize(1);
    }

    @Test
    void startFromNowSkipsTheHistoryAlreadyInTheDatabase() throws Exception {
        start("");
        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("fresh@example.com"));
        awaitTypes(incrementId(orderId), "commerce.backofficeOrderPlaced");
        letItPoll();

        assertThat(seededIncrementIds).hasSizeGreaterThanOrEqualTo(20);
        assertThat(outbox()).noneMatch(e -> seededIncrementIds.contains(e.at("/commerce/order/purchaseID").asText()));
        assertThat(state.checkpoints().get("commerce-orders:orders.floor")).isPresent();
    }

    @Test
    void theStoresOptionSendsOnlyTheListedStoreViews() throws Exception {
        start("&stores=de");
        long german = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("de@example.com").inStore("de"));
        long english = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("en@example.com").inStore("default"));
        String germanInc = incrementId(german);
        awaitTypes(germanInc, "commerce.backofficeOrderPlaced");
        letItPoll();

        assertThat(typesOf(incrementId(english))).isEmpty();
        assertThat(eventsOf(germanInc).get(0).at("/commerce/commerceScope/storeViewCode").asText()).isEqualTo("de");
    }

    @Test
    void losingTheDatabaseTurnsHealthDownMovesNoWatermarkAndEveryChangeArrivesOnceWhenItReturns() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            pollerDatabase = through(proxy);
            CamelContext camel = start("&maxRetryDelay=400");
            long first = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("before.cut@example.com"));
            String firstInc = incrementId(first);
            awaitTypes(firstInc, "commerce.backofficeOrderPlaced");
            assertThat(health(camel).getState()).isEqualTo(HealthCheck.State.UP);

            proxy.cut();
            await().atMost(Duration.ofSeconds(20)).until(() -> health(camel).getState() == HealthCheck.State.DOWN);
            assertThat(health(camel).getMessage()).hasValueSatisfying(message ->
                    assertThat(message).startsWith("cannot read the Commerce database: ").doesNotContain("\n"));
            OrderWatermarks whileDown = watermarks();
            // Changes made while the poller cannot see the database.
            long second = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("during.cut@example.com"));
            long invoice = CommerceSampleData.invoice(connection, first);
            Thread.sleep(1_500);
            assertThat(watermarks()).isEqualTo(whileDown);
            assertThat(typesOf(incrementId(second))).isEmpty();

            proxy.restore();
            String secondInc = incrementId(second);
            awaitTypes(firstInc, "commerce.backofficeOrderPlaced", "commerce.backofficeOrderInvoiced");
            awaitTypes(secondInc, "commerce.backofficeOrderPlaced");
            await().atMost(Duration.ofSeconds(10)).until(() -> health(camel).getState() == HealthCheck.State.UP);
            letItPoll();
            assertThat(eventsOf(firstInc)).extracting(e -> e.get("_id").asText()).containsExactlyInAnyOrder(
                    id(firstInc, "placed", first), id(firstInc, "invoiced", invoice));
            assertThat(typesOf(secondInc)).hasSize(1);
        }
    }

    @Test
    void aPollerStartedWhileTheDatabaseIsDownStartsReportsDownAndCatchesUpWhenItReturns() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            pollerDatabase = through(proxy);
            Instant from = Instant.parse(strings(connection,
                    "SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ')").get(0));
            proxy.cut();
            CamelContext camel = start("&maxRetryDelay=400&startFrom=" + from);
            await().atMost(Duration.ofSeconds(20)).until(() -> health(camel).getState() == HealthCheck.State.DOWN);
            long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("late.start@example.com"));

            proxy.restore();
            awaitTypes(incrementId(orderId), "commerce.backofficeOrderPlaced");
            assertThat(health(camel).getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void aFullOutboxPausesThePollerWithoutReadingTheDatabaseAndItResumesOnceTheBacklogDrains() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            pollerDatabase = through(proxy);
            outboxUri = "outbox:streaming?highWaterEvents=2&fullRetryAfter=1";
            CamelContext camel = start("");
            List<String> filling = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                filling.add(incrementId(CommerceSampleData.placeOrder(connection,
                        NewOrder.byGuest("fill" + i + "@example.com"))));
            }
            filling.forEach(inc -> awaitTypes(inc, "commerce.backofficeOrderPlaced"));
            OrderWatermarks full = watermarks();
            long waiting = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("waiting@example.com"));
            String waitingInc = incrementId(waiting);

            await().atMost(Duration.ofSeconds(20)).until(() -> gauge("ferry.orders.paused") == 1);
            assertThat(health(camel).getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health(camel).getDetails()).containsEntry("paused", true);
            int connectionsWhenPaused = proxy.connections();
            Thread.sleep(1_500);
            assertThat(proxy.connections()).as("no Commerce read while paused").isEqualTo(connectionsWhenPaused);
            assertThat(watermarks()).isEqualTo(full);
            assertThat(consumer(camel).getLagMillis()).isGreaterThanOrEqualTo(1_000);
            assertThat(gauge("ferry.orders.lag")).isGreaterThanOrEqualTo(1.0);

            drainOutbox();
            await().atMost(Duration.ofSeconds(20)).until(() -> gauge("ferry.orders.paused") == 0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(outbox()).extracting(e -> e.get("_id").asText())
                            .containsExactly(id(waitingInc, "placed", waiting)));
            letItPoll();
            assertThat(health(camel).getDetails()).containsEntry("paused", false);
            assertThat(consumer(camel).getLagMillis()).isZero();
            assertThat(counter("ferry.orders.events", "eventType", "commerce.backofficeOrderPlaced")).isEqualTo(3);
        }
    }

    @Test
    void rowsMagentoWouldNeverWriteBecomeEventsWithoutTheFieldAndAnUnmappableRowIsDeadLetteredWhilePollingGoesOn()
            throws Exception {
        CamelContext camel = start("");
        connection.setAutoCommit(false);
        long odd = CommerceSampleData.placeOrder(connection,
                NewOrder.byGuest("odd.rows@example.com").withItem("FY-BTL-01", 2));
        update("UPDATE sales_order SET order_currency_code = NULL, state = 'teleported' WHERE entity_id = ?", odd);
        update("UPDATE sales_order_item SET qty_ordered = -2, product_options = '{not json' WHERE order_id = ?", odd);
        long broken = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("no.increment@example.com"));
        update("UPDATE sales_order SET increment_id = NULL WHERE entity_id = ?", broken);
        connection.commit();
        connection.setAutoCommit(true);
        String oddInc = incrementId(odd);
        awaitTypes(oddInc, "commerce.backofficeOrderPlaced");

        JsonNode event = eventsOf(oddInc).get(0);
        assertThat(event.at("/commerce/order/currencyCode").isMissingNode()).isTrue();
        assertThat(event.at("/productListItems/0/SKU").asText()).isEqualTo("FY-BTL-01");
        assertThat(event.at("/productListItems/0/quantity").isMissingNode()).isTrue();
        assertThat(event.at("/productListItems/0/selectedOptions").isMissingNode()).isTrue();
        assertThat(CompatSchema.errors(event)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("ferry.orders.unmappable") == 1);
        // NULL currency, negative quantity, unparseable product_options, unknown state
        assertThat(counter("ferry.orders.warnings")).isEqualTo(4);
        assertThat(state.deadLetters().list(null, 100)).singleElement().satisfies(letter -> {
            assertThat(letter.channel()).isEqualTo("commerce-orders.unmappable");
            assertThat(letter.reason()).contains("sales_order " + broken).contains("has no increment_id");
        });

        long after = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("after.bad@example.com"));
        awaitTypes(incrementId(after), "commerce.backofficeOrderPlaced");
        assertThat(health(camel).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(counter("ferry.orders.events", "eventType", "commerce.backofficeOrderPlaced")).isEqualTo(2);
    }

    @Test
    void aRestartInTheMiddleOfABurstLosesNothingAndDoublesNothing() throws Exception {
        CamelContext first = start("");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 20) {
                first.stop(); // mid-burst: whatever the last poll committed stays, the rest is read after the restart
            }
            if (i == 30) {
                start("");
            }
            orders.add(CommerceSampleData.placeOrder(connection, NewOrder.byGuest("burst" + i + "@example.com")));
            Thread.sleep(25);
        }
        for (long orderId : orders) {
            awaitTypes(incrementId(orderId), "commerce.backofficeOrderPlaced");
        }
        letItPoll();
        for (long orderId : orders) {
            assertThat(typesOf(incrementId(orderId))).hasSize(1);
        }
    }

    @Test
    void aPartialShipmentAndTheRestAreTwoEventsEachWithItsOwnItems() throws Exception {
        start("&events=shipped");
        long orderId = CommerceSampleData.placeOrder(connection,
                NewOrder.byCustomer(customerId).withItem("FY-TEE-M-Blue", 1).withItem("FY-BTL-01", 2));
        String inc = incrementId(orderId);
        // Magento ships what is not shipped yet: holding the bottles back makes the first shipment the tee alone.
        update("UPDATE sales_order_item SET qty_shipped = qty_ordered WHERE sku = 'FY-BTL-01' AND order_id = ?",
                orderId);
        long teeShipment = CommerceSampleData.ship(connection, orderId, "ups", "1001");
        update("UPDATE sales_order_item SET qty_shipped = 0 WHERE sku = 'FY-BTL-01' AND order_id = ?", orderId);
        long bottleShipment = CommerceSampleData.ship(connection, orderId, "ups", "1002");

        awaitTypes(inc, "commerce.backofficeOrderItemsShipped", "commerce.backofficeOrderItemsShipped");
        letItPoll();
        Map<String, JsonNode> byId = new HashMap<>();
        eventsOf(inc).forEach(e -> byId.put(e.get("_id").asText(), e));
        assertThat(byId.get(id(inc, "shipped", teeShipment)).at("/productListItems")).singleElement()
                .satisfies(item -> assertThat(item.get("SKU").asText()).isEqualTo("FY-TEE-M-Blue"));
        assertThat(byId.get(id(inc, "shipped", bottleShipment)).at("/productListItems")).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("SKU").asText()).isEqualTo("FY-BTL-01");
                    assertThat(item.get("quantity").asInt()).isEqualTo(2);
                });
    }

    @Test
    void ordersInStoreViewsOfTwoWebsitesCarryEachTheirOwnScopeCodes() throws Exception {
        start("&events=placed");
        String german = incrementId(CommerceSampleData.placeOrder(connection,
                NewOrder.byGuest("scope.de@example.com").inStore("de")));
        String french = incrementId(CommerceSampleData.placeOrder(connection,
                NewOrder.byGuest("scope.fr@example.com").inStore("fr")));
        awaitTypes(german, "commerce.backofficeOrderPlaced");
        awaitTypes(french, "commerce.backofficeOrderPlaced");

        assertThat(scopeOf(german)).containsExactly("eu", "eu_store", "de");
        assertThat(scopeOf(french)).containsExactly("base", "main_website_store", "fr");
        assertThat(eventsOf(german).get(0).at("/commerce/order/currencyCode").asText()).isEqualTo("EUR");
    }

    /** The website, store and store view codes of the order's first event. */
    private List<String> scopeOf(String incrementId) {
        JsonNode scope = eventsOf(incrementId).get(0).at("/commerce/commerceScope");
        return List.of(scope.path("websiteCode").asText(), scope.path("storeCode").asText(),
                scope.path("storeViewCode").asText());
    }

    private void update(String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private DataSource through(TcpProxy proxy) throws SQLException {
        MariaDbDataSource proxied = new MariaDbDataSource(server.jdbcUrl(DATABASE)
                .replace(server.host() + ":" + server.port() + "/", server.host() + ":" + proxy.port() + "/"));
        proxied.setUser(server.user());
        proxied.setPassword(server.password());
        return proxied;
    }

    private static HealthCheck.Result health(CamelContext camel) {
        return HealthCheckHelper.invoke(camel, "commerce-orders:orders", Map.of()).orElseThrow();
    }

    private static CommerceOrdersConsumer consumer(CamelContext camel) {
        return (CommerceOrdersConsumer) camel.getRoute("orders").getConsumer();
    }

    private OrderWatermarks watermarks() {
        return OrderWatermarks.fromCheckpoints("commerce-orders:orders", key -> state.checkpoints().get(key))
                .orElseThrow();
    }

    private void drainOutbox() {
        List<Long> seqs = state.outbox().next("streaming", 100_000).stream().map(OutboxRecord::seq).toList();
        state.transact(c -> state.outbox().remove(c, seqs));
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags("poller", "orders").tags(tags).functionCounter().count();
    }

    private double gauge(String name) {
        return meters.get(name).tags("poller", "orders").gauge().value();
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

}

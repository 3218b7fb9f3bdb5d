package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.core.testing.TcpProxy;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order poller in the real jar, as operators run it: its meters on {@code /observe/metrics}, its health check on
 * {@code /observe/health}, and the Commerce database cut under it (through a proxy) and restored.
 */
class OrdersPollerIT {

    private final String database = "ferry_orders_poller_it_" + ProcessHandle.current().pid();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private MariaDbServer mariaDb;
    private AepSandbox sandbox;

    @BeforeEach
    void startCommerceAndAep() {
        mariaDb = MariaDbServer.machineOrEmbedded();
        new CommerceSampleData(5).seedNewDatabase(mariaDb, database,
                SampleSize.defaults().withCustomers(1).withOrders(1));
        sandbox = AepSandbox.start(SandboxSettings.defaults().toBuilder().port(0).build());
    }

    @AfterEach
    void stopCommerceAndAep() {
        sandbox.close();
        mariaDb.dropDatabase(database);
        mariaDb.close();
    }

    @Test
    void metricsAndHealthShowThePollerAndACutDatabaseTurnsItDownUntilItReturnsWithNothingLostOrDoubled()
            throws Exception {
        int managementPort = SandboxConfigFile.freePort();
        try (TcpProxy proxy = TcpProxy.to(mariaDb.port())) {
            Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), managementPort);
            String proxied = mariaDb.jdbcUrl(database).replace(":" + mariaDb.port() + "/", ":" + proxy.port() + "/");
            Files.writeString(config, String.join("\n",
                    "ferry.commerce.db.url=" + proxied,
                    "ferry.commerce.db.user=" + mariaDb.user(),
                    "ferry.commerce.db.password=" + mariaDb.password(),
                    "ferry.orders.enabled=true",
                    "ferry.orders.poll-interval=300", ""), StandardOpenOption.APPEND);
            String observe = "http://127.0.0.1:" + managementPort + "/observe";

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                    "run", "--config", config.toString(), "--routes", Path.of("..", "routes").toAbsolutePath().toString());
                 Connection commerce = mariaDb.dataSource(database).getConnection()) {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                        assertThat(get(observe + "/health?data=true").body()).as(ferry.output())
                                .contains("\"commerce-orders:orders\"").contains("lag.seconds"));
                // The poller's check is there once it started, and with it its start point: the database's "now".
                String placed = placedId(commerce, CommerceSampleData.placeOrder(commerce,
                        NewOrder.byGuest("metrics@example.com")));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(sandbox.events().countById(placed)).as(ferry.output()).isEqualTo(1));
                String metrics = get(observe + "/metrics").body();
                assertThat(sample(metrics, "ferry_orders_events_total", "commerce.backofficeOrderPlaced"))
                        .isEqualTo(1.0);
                assertThat(sample(metrics, "ferry_orders_events_total", "commerce.backofficeOrderInvoiced"))
                        .isEqualTo(0.0);
                assertThat(metrics).contains("ferry_orders_warnings_total{poller=\"orders\"} 0.0")
                        .contains("ferry_orders_unmappable_total{poller=\"orders\"} 0.0")
                        .contains("ferry_orders_lag_seconds{poller=\"orders\"} 0.0")
                        .contains("ferry_orders_paused{poller=\"orders\"} 0.0");

                proxy.cut();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    HttpResponse<String> health = get(observe + "/health?data=true");
                    assertThat(health.statusCode()).isEqualTo(503);
                    assertThat(health.body()).contains("cannot read the Commerce database");
                });
                String whileDown = placedId(commerce, CommerceSampleData.placeOrder(commerce,
                        NewOrder.byGuest("while.down@example.com")));

                proxy.restore();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        assertThat(sandbox.events().countById(whileDown)).as(ferry.output()).isEqualTo(1));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(get(observe + "/health").statusCode()).isEqualTo(200));
                assertThat(sandbox.events().countById(placed)).isEqualTo(1);
                assertThat(sample(get(observe + "/metrics").body(), "ferry_orders_events_total",
                        "commerce.backofficeOrderPlaced")).isEqualTo(2.0);
            }
        }
    }

    private String placedId(Connection commerce, long orderId) throws SQLException {
        try (Statement select = commerce.createStatement();
             ResultSet row = select.executeQuery("SELECT increment_id FROM sales_order WHERE entity_id = " + orderId)) {
            row.next();
            return EventIds.deterministic("commerce-order", row.getString(1), "placed", String.valueOf(orderId));
        }
    }

    /** The value of a per-eventType sample of {@code name}, as Prometheus prints it. */
    private static double sample(String metrics, String name, String eventType) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*eventType=\"" + Pattern.quote(eventType)
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(name + " for " + eventType + " in\n" + metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.NewOrder;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audience loop closed through the real jar: a customer's order of 100 or more in the Commerce database is polled
 * by Ferry and streamed to the sandbox, the sandbox qualifies the customer for "VIP shoppers" and pushes that to
 * Ferry's destination endpoint, and Ferry then serves it by customer id and email and adds it to the customer's
 * GraphQL calls (to a stub Commerce that records the headers it receives). A shopper Ferry has stored nothing for is
 * pulled from the sandbox's Edge activation:pull.
 */
class AudienceLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBERSHIP_HEADER = "aep-segments-membership";

    @TempDir
    Path work;

    private final String database = "ferry_loop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String destinationToken = "destination-" + UUID.randomUUID();
    private final String lookupToken = "lookup-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    /** What the stub Commerce GraphQL endpoint received as aep-segments-membership, by the request's Authorization or Cookie. */
    private final Map<String, String> upstreamSaw = new ConcurrentHashMap<>();

    private MariaDbServer mariaDb;
    private AepSandbox sandbox;
    private HttpServer commerceGraphql;
    private String ferry;

    @BeforeEach
    void startCommerce() throws Exception {
        mariaDb = MariaDbServer.machineOrEmbedded();
        new CommerceSampleData(11).seedNewDatabase(mariaDb, database,
                SampleSize.defaults().withCustomers(3).withOrders(1));
        commerceGraphql = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        commerceGraphql.createContext("/graphql", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String caller = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + " "
                    + exchange.getRequestHeaders().getFirst("Cookie");
            upstreamSaw.put(caller, String.valueOf(exchange.getRequestHeaders().getFirst(MEMBERSHIP_HEADER)));
            byte[] answer = "{\"data\":{\"customerCart\":{\"id\":\"cart-1\"}}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        commerceGraphql.start();
    }

    @AfterEach
    void stopCommerce() {
        if (sandbox != null) {
            sandbox.close();
        }
        commerceGraphql.stop(0);
        mariaDb.dropDatabase(database);
        mariaDb.close();
    }

    @Test
    void aPurchaseOfAHundredReachesTheSandboxComesBackAsVipAndRidesOnTheCustomersNextGraphqlCall() throws Exception {
        int httpPort = SandboxConfigFile.freePort();
        int managementPort = SandboxConfigFile.freePort();
        ferry = "http://127.0.0.1:" + httpPort;
        sandbox = AepSandbox.start(SandboxSettings.defaults().toBuilder().port(0)
                .destinationUrl(URI.create(ferry + "/v1/audiences/aep-destination"))
                .destinationToken(destinationToken)
                .destinationBackoff(Duration.ofMillis(200))
                .build());
        Path config = writeConfig(httpPort, managementPort);

        try (FerryProcess process = FerryProcess.start(work,
                Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                "run", "--config", config.toString(), "--routes", Path.of("..", "routes").toAbsolutePath().toString())) {
            String vip = sandboxAudienceId("VIP shoppers");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> assertThat(get("/v1/audiences", lookupToken).body())
                    .as(process.output()).contains(vip).contains("VIP shoppers"));

            Customer customer = firstCustomer();
            try (Connection commerce = mariaDb.dataSource(database).getConnection()) {
                CommerceSampleData.placeOrder(commerce, NewOrder.byCustomer(customer.id()).withItem("FY-BTL-01", 5));
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(membership("customerId=" + customer.id())).as(process.output())
                            .isEqualTo(new Served(List.of(vip + " VIP shoppers"), vip)));
            assertThat(membership("email=" + URLEncoder.encode(customer.email(), StandardCharsets.UTF_8)))
                    .isEqualTo(new Served(List.of(vip + " VIP shoppers"), vip));

            String bearer = "Bearer " + customerToken(customer.id());
            HttpResponse<String> graphql = graphql(bearer, null);
            assertThat(graphql.statusCode()).isEqualTo(200);
            assertThat(graphql.body()).contains("cart-1");
            assertThat(upstreamSaw).containsEntry(bearer + " null", vip);

            assertThat(process.output()).doesNotContain(customer.email()).doesNotContain(lookupToken)
                    .doesNotContain(destinationToken);
        }
    }

    @Test
    void aShopperFerryHasNotStoredIsPulledFromEdgeActivationAndCarriedOnGraphqlCalls() throws Exception {
        int httpPort = SandboxConfigFile.freePort();
        int managementPort = SandboxConfigFile.freePort();
        ferry = "http://127.0.0.1:" + httpPort;
        sandbox = AepSandbox.start(SandboxSettings.defaults().toBuilder().port(0).build());
        Path config = writeConfig(httpPort, managementPort);
        String newCustomers = sandboxAudienceId("New customers");
        String fpid = UUID.randomUUID().toString();
        put("/sandbox/memberships/FPID/" + fpid, "[\"" + newCustomers + "\"]");

        try (FerryProcess process = FerryProcess.start(work,
                Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                "run", "--config", config.toString(), "--routes", Path.of("..", "routes").toAbsolutePath().toString())) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> assertThat(get("/v1/audiences", lookupToken).body())
                    .as(process.output()).contains("New customers"));

            assertThat(membership("fpid=" + fpid)).isEqualTo(new Served(List.of(newCustomers + " New customers"), newCustomers));
            String cookie = "ferry_fpid=" + fpid;
            assertThat(graphql(null, cookie).statusCode()).isEqualTo(200);
            assertThat(upstreamSaw).containsEntry("null " + cookie, newCustomers);
        }
    }

    /** What the lookup serves: each audience as "id name", and the header value. */
    private record Served(List<String> audiences, String header) {
    }

    private record Customer(long id, String email) {
    }

    private Path writeConfig(int httpPort, int managementPort) throws Exception {
        Path config = SandboxConfigFile.write(work, sandbox, httpPort, managementPort);
        Files.writeString(config, String.join("\n",
                "ferry.commerce.db.url=" + mariaDb.jdbcUrl(database),
                "ferry.commerce.db.user=" + mariaDb.user(),
                "ferry.commerce.db.password=" + mariaDb.password(),
                "ferry.orders.enabled=true",
                "ferry.orders.poll-interval=300",
                "ferry.audiences.enabled=true",
                "ferry.audiences.destination.token=" + destinationToken,
                "ferry.audiences.lookup-token=" + lookupToken,
                "ferry.audiences.catalog.poll-interval=1000",
                "ferry.commerce.graphql.url=http://127.0.0.1:" + commerceGraphql.getAddress().getPort() + "/graphql",
                ""), StandardOpenOption.APPEND);
        return config;
    }

    private Customer firstCustomer() throws Exception {
        try (Connection commerce = mariaDb.dataSource(database).getConnection();
             Statement select = commerce.createStatement();
             ResultSet rows = select.executeQuery("SELECT entity_id, email FROM customer_entity ORDER BY entity_id LIMIT 1")) {
            assertThat(rows.next()).isTrue();
            return new Customer(rows.getLong(1), rows.getString(2));
        }
    }

    /** A Commerce customer token's shape (JWT, claims uid and utypid 3); Ferry reads it, Commerce would verify it. */
    private static String customerToken(long customerId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"uid\":" + customerId + ",\"utypid\":3}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    private String sandboxAudienceId(String name) throws Exception {
        JsonNode audiences = JSON.readTree(send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/audiences"))
                .build()).body());
        for (JsonNode audience : audiences) {
            if (name.equals(audience.path("name").asText())) {
                return audience.path("id").asText();
            }
        }
        throw new AssertionError("the sandbox has no audience named " + name + ": " + audiences);
    }

    private Served membership(String query) throws Exception {
        HttpResponse<String> answer = get("/v1/audiences/membership?" + query, lookupToken);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        List<String> audiences = new ArrayList<>();
        json.path("audiences").forEach(a -> audiences.add(a.path("id").asText() + " " + a.path("name").asText()));
        return new Served(audiences, json.path("header").asText());
    }

    private HttpResponse<String> graphql(String authorization, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ferry + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ customerCart { id } }\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ferry + path)).header("Authorization", "Bearer " + token).build());
    }

    private void put(String sandboxPath, String body) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + sandboxPath))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

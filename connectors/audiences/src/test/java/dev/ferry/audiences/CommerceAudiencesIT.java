package dev.ferry.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.audiences.store.MembershipUpdate;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.audience.ShopperIdentity;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * commerce-audiences on a real MariaDB with Magento's customer_entity: destination pushes, lookups, pulls through a
 * stub endpoint, and the GraphQL proxy in front of a stub Commerce GraphQL server that records what it received.
 */
class CommerceAudiencesIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_aud_it_" + ProcessHandle.current().pid();
    private static final String DESTINATION_TOKEN = "destination-" + UUID.randomUUID();
    private static final String LOOKUP_TOKEN = "lookup-" + UUID.randomUUID();

    private static MariaDbServer server;
    private static DataSource commerce;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CamelContext camel;
    private HttpServer upstream;
    private String base;
    private final List<List<MembershipUpdate>> routed = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> pullAnswers = new ConcurrentHashMap<>();
    private final List<ShopperIdentity> pulled = new CopyOnWriteArrayList<>();
    private final AtomicReference<RecordedRequest> upstreamSaw = new AtomicReference<>();
    private final AtomicInteger upstreamStatus = new AtomicInteger(200);

    record RecordedRequest(String method, String query, Map<String, List<String>> headers, String body) {
    }

    @BeforeAll
    static void seed() {
        server = MariaDbServer.machineOrEmbedded();
        commerce = new CommerceSampleData(7).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(5).withOrders(1));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/graphql", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            upstreamSaw.set(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            byte[] answer = "{\"errors\":[{\"message\":\"The current customer isn't authorized.\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Magento-Cache-Id", "abc123");
            exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
            exchange.sendResponseHeaders(upstreamStatus.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();

        camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        camel.addService(new VertxPlatformHttpServer(http));
        camel.getRegistry().bind("commerceDb", commerce);
        String graphql = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/graphql";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("commerce-audiences:membership?dataSource=#commerceDb&destinationToken=" + DESTINATION_TOKEN
                        + "&lookupToken=" + LOOKUP_TOKEN + "&pullUri=direct:pull&pullCacheTtl=60&graphqlUrl="
                        + graphql + "&customerMapMissInterval=0").routeId("audiences")
                        .process(exchange -> routed.add(exchange.getIn().getBody(List.class)));
                from("direct:pull").process(exchange -> {
                    ShopperIdentity identity = exchange.getIn().getBody(ShopperIdentity.class);
                    pulled.add(identity);
                    exchange.getMessage().setBody(pullAnswers.getOrDefault(identity.namespace() + ":"
                            + identity.id(), List.of()));
                });
            }
        });
        camel.start();
        base = "http://127.0.0.1:" + camel.hasService(VertxPlatformHttpServer.class).getServer().actualPort();
    }

    @AfterEach
    void stop() throws SQLException {
        camel.stop();
        upstream.stop(0);
        try (Connection c = commerce.getConnection()) {
            c.createStatement().execute("DELETE FROM ferry_audience_membership");
            c.createStatement().execute("DELETE FROM ferry_audience");
        }
    }

    // ---- destination push and lookup ----

    @Test
    void aPushedRealizedAudienceIsServedByCustomerIdEmailAndInTheHeaderValue() throws Exception {
        long customer = customerIds().get(0);
        String email = emailOf(customer);
        catalog(new Audience("aud-big", "Big spenders", "priceTotal >= 100", "ACTIVE"));

        HttpResponse<String> push = push(profile(Map.of("email_lc_sha256", Identities.emailSha256(email)),
                Map.of("aud-big", status("realized", "2026-01-02T10:00:00Z"),
                        "aud-unknown", status("existing", "2026-01-02T10:00:00Z"))));

        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(json(push).path("updates").asInt()).isEqualTo(2);
        JsonNode byCustomer = json(lookup("customerId=" + customer));
        assertThat(ids(byCustomer)).containsExactly("aud-big", "aud-unknown");
        assertThat(byCustomer.path("audiences").get(0).path("name").asText()).isEqualTo("Big spenders");
        assertThat(byCustomer.path("header").asText()).isEqualTo("aud-big%2Caud-unknown");
        assertThat(ids(json(lookup("email=" + URLEncoder.encode(" " + email.toUpperCase() + " ",
                StandardCharsets.UTF_8))))).containsExactly("aud-big", "aud-unknown");
        assertThat(routed).hasSize(1);
        assertThat(pulled).isEmpty();
    }

    @Test
    void anUnknownAudienceGetsItsNameOnceTheCatalogKnowsIt() throws Exception {
        long customer = customerIds().get(1);
        push(profile(Map.of("commercecustomerid", Long.toString(customer)),
                Map.of("aud-later", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(json(lookup("customerId=" + customer)).path("audiences").get(0).path("name").isNull()).isTrue();

        catalog(new Audience("aud-later", "Named later", null, "ACTIVE"));

        assertThat(json(lookup("customerId=" + customer)).path("audiences").get(0).path("name").asText())
                .isEqualTo("Named later");
        HttpResponse<String> list = get("/v1/audiences", LOOKUP_TOKEN);
        assertThat(json(list).path("audiences").get(0).path("id").asText()).isEqualTo("aud-later");
    }

    @Test
    void anExitRemovesTheAudienceAndAReplayedOlderRealizationDoesNotBringItBack() throws Exception {
        String ecid = "12345678901234567890123456789012345678";
        push(profile(Map.of("ecid", ecid), Map.of("aud-cart", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(ids(json(lookup("ecid=" + ecid)))).containsExactly("aud-cart");

        push(profile(Map.of("ecid", ecid), Map.of("aud-cart", status("exited", "2026-01-02T11:00:00Z"))));
        assertThat(ids(json(lookup("ecid=" + ecid)))).isEmpty();

        push(profile(Map.of("ecid", ecid), Map.of("aud-cart", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(ids(json(lookup("ecid=" + ecid)))).isEmpty();
    }

    @Test
    void outOfOrderDeliveriesEndInTheLatestStateAndReplaysChangeNothing() throws Exception {
        String fpid = Identities.newFpid();
        String newest = profile(Map.of("fpid", fpid), Map.of("aud-a", status("existing", "2026-03-01T00:00:00Z")));
        String older = profile(Map.of("fpid", fpid), Map.of("aud-a", status("exited", "2026-02-01T00:00:00Z")));

        assertThat(push(newest).statusCode()).isEqualTo(200);
        assertThat(push(older).statusCode()).isEqualTo(200);
        assertThat(push(newest).statusCode()).isEqualTo(200);

        assertThat(ids(json(lookup("fpid=" + fpid)))).containsExactly("aud-a");
        assertThat(rows("SELECT COUNT(*) FROM ferry_audience_membership WHERE identity_value = '" + fpid + "'"))
                .isEqualTo(1);
    }

    @Test
    void aGuestsAudiencesFollowThemWhenTheySignIn() throws Exception {
        long customer = customerIds().get(2);
        String fpid = Identities.newFpid();
        push(profile(Map.of("fpid", fpid), Map.of("aud-guest", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(ids(json(lookup("customerId=" + customer)))).isEmpty();

        // After sign-in AEP's profile holds the FPID and the customer's email hash together.
        push("[" + profile(Map.of("fpid", fpid, "email_lc_sha256", Identities.emailSha256(emailOf(customer))),
                Map.of("aud-signed-in", status("realized", "2026-01-02T11:00:00Z"))) + "]");

        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-guest", "aud-signed-in");
        assertThat(ids(json(lookup("fpid=" + fpid)))).containsExactly("aud-guest", "aud-signed-in");
    }

    @Test
    void aCustomerWhoseEmailChangesIsFoundByTheNewHash() throws Exception {
        long customer = customerIds().get(3);
        push(profile(Map.of("email_lc_sha256", Identities.emailSha256(emailOf(customer))),
                Map.of("aud-old", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-old");
        String changed = "changed-" + UUID.randomUUID() + "@example.com";
        try (Connection c = commerce.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE customer_entity SET email = ?, "
                        + "updated_at = UTC_TIMESTAMP() + INTERVAL 1 SECOND WHERE entity_id = ?")) {
            update.setString(1, changed);
            update.setLong(2, customer);
            update.executeUpdate();
        }

        push(profile(Map.of("email_lc_sha256", Identities.emailSha256(changed)),
                Map.of("aud-new", status("realized", "2026-01-03T10:00:00Z"))));

        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-new", "aud-old");
        assertThat(ids(json(lookup("email=" + URLEncoder.encode(changed, StandardCharsets.UTF_8)))))
                .containsExactly("aud-new", "aud-old");
        assertThat(rows("SELECT COUNT(*) FROM ferry_customer_email_hash WHERE customer_id = " + customer
                + " AND email_sha256 = '" + Identities.emailSha256(changed) + "'")).isEqualTo(1);
    }

    @Test
    void rawEmailsAreStoredOnlyAsHashes() throws Exception {
        String email = "Someone.Raw@Example.com";
        push(profile(Map.of("email", email), Map.of("aud-r", status("realized", "2026-01-02T10:00:00Z"))));

        assertThat(rows("SELECT COUNT(*) FROM ferry_audience_membership WHERE identity_value LIKE '%@%'"))
                .isZero();
        assertThat(ids(json(lookup("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))))
                .containsExactly("aud-r");
    }

    // ---- read after push: cached answers never outlive a change ----

    @Test
    void everyCachedLookupOfAShopperSeesTheNextPushAtOnce() throws Exception {
        long customer = customerIds().get(2);
        String hash = Identities.emailSha256(emailOf(customer));
        String fpid = Identities.newFpid();
        push(profile(Map.of("fpid", fpid, "email_lc_sha256", hash),
                Map.of("aud-1", status("realized", "2026-01-02T10:00:00Z"))));
        List<String> lookups = List.of("customerId=" + customer, "email=" + URLEncoder.encode(emailOf(customer),
                StandardCharsets.UTF_8), "fpid=" + fpid);
        for (String query : lookups) {
            assertThat(ids(json(lookup(query)))).as(query).containsExactly("aud-1");
        }

        push(profile(Map.of("email_lc_sha256", hash), Map.of("aud-1", status("exited", "2026-01-02T11:00:00Z"),
                "aud-2", status("realized", "2026-01-02T11:00:00Z"))));

        for (String query : lookups) {
            assertThat(ids(json(lookup(query)))).as(query).containsExactly("aud-2");
        }
    }

    @Test
    void aPushUnderAnEmailHashTwoCustomersShareReachesBothCachedLookups() throws Exception {
        long customer = customerIds().get(1);
        String email = emailOf(customer);
        long twin = insertCustomer(email);
        try {
            lookup("customerId=" + twin); // brings the twin into the customer map, which forgets cached answers
            assertThat(ids(json(lookup("customerId=" + customer)))).isEmpty();
            assertThat(ids(json(lookup("customerId=" + twin)))).isEmpty();

            // Two customers (websites) share the hash, so the push names neither: the rows carry no customer.
            push(profile(Map.of("email_lc_sha256", Identities.emailSha256(email)),
                    Map.of("aud-shared", status("realized", "2026-01-02T10:00:00Z"))));

            assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-shared");
            assertThat(ids(json(lookup("customerId=" + twin)))).containsExactly("aud-shared");
        } finally {
            try (Connection c = commerce.getConnection()) {
                c.createStatement().execute("DELETE FROM customer_entity WHERE entity_id = " + twin);
                c.createStatement().execute("DELETE FROM ferry_customer_email_hash WHERE customer_id = " + twin);
            }
        }
    }

    @Test
    void aCachedCustomerLookupFollowsTheCustomersNewEmailOnceTheMapHasIt() throws Exception {
        long customer = customerIds().get(4);
        String changed = "moved-" + UUID.randomUUID() + "@example.com";
        // Pushed before any customer had the address: stored under the hash alone.
        push(profile(Map.of("email_lc_sha256", Identities.emailSha256(changed)),
                Map.of("aud-new", status("realized", "2026-01-03T10:00:00Z"))));
        push(profile(Map.of("commercecustomerid", Long.toString(customer)),
                Map.of("aud-old", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-old");
        try (Connection c = commerce.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE customer_entity SET email = ?, "
                        + "updated_at = UTC_TIMESTAMP() + INTERVAL 1 SECOND WHERE entity_id = ?")) {
            update.setString(1, changed);
            update.setLong(2, customer);
            update.executeUpdate();
        }

        lookup("email=nobody-" + UUID.randomUUID() + "%40example.com"); // a miss refreshes the customer map

        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-new", "aud-old");
    }

    @Test
    void aCachedLookupGetsTheNewNameWhenTheCatalogRenamesAnAudience() throws Exception {
        String fpid = Identities.newFpid();
        catalog(new Audience("aud-renamed", "Old name", null, "ACTIVE"));
        push(profile(Map.of("fpid", fpid), Map.of("aud-renamed", status("realized", "2026-01-02T10:00:00Z"))));
        assertThat(json(lookup("fpid=" + fpid)).path("audiences").get(0).path("name").asText())
                .isEqualTo("Old name");

        catalog(new Audience("aud-renamed", "New name", null, "ACTIVE"));

        assertThat(json(lookup("fpid=" + fpid)).path("audiences").get(0).path("name").asText())
                .isEqualTo("New name");
    }

    // ---- pull ----

    @Test
    void anIdentityWithNothingStoredIsPulledOnceAndCached() throws Exception {
        String ecid = "99999999999999999999999999999999999999";
        pullAnswers.put("ECID:" + ecid, List.of("aud-pulled"));
        catalog(new Audience("aud-pulled", "From the edge", null, "ACTIVE"));

        JsonNode first = json(lookup("ecid=" + ecid));
        JsonNode second = json(lookup("ecid=" + ecid));

        assertThat(ids(first)).containsExactly("aud-pulled");
        assertThat(first.path("audiences").get(0).path("name").asText()).isEqualTo("From the edge");
        assertThat(ids(second)).containsExactly("aud-pulled");
        assertThat(pulled).containsExactly(new ShopperIdentity("ECID", ecid));
    }

    @Test
    void aCustomerIdentityIsPulledInTheConfiguredNamespace() throws Exception {
        long customer = customerIds().get(4);
        pullAnswers.put("commerceCustomerId:" + customer, List.of("aud-x"));

        assertThat(ids(json(lookup("customerId=" + customer)))).containsExactly("aud-x");
        assertThat(pulled).containsExactly(new ShopperIdentity("commerceCustomerId", Long.toString(customer)));
    }

    // ---- refusals ----

    @Test
    void wrongOrMissingTokensAre401AndRevealNothing() throws Exception {
        long customer = customerIds().get(0);
        push(profile(Map.of("commercecustomerid", Long.toString(customer)),
                Map.of("aud-s", status("realized", "2026-01-02T10:00:00Z"))));

        HttpResponse<String> known = get("/v1/audiences/membership?customerId=" + customer, "wrong");
        HttpResponse<String> unknown = get("/v1/audiences/membership?customerId=999999", "wrong");
        HttpResponse<String> none = get("/v1/audiences/membership?customerId=" + customer, null);
        HttpResponse<String> pushWithLookupToken = send("/v1/audiences/aep-destination", LOOKUP_TOKEN,
                profile(Map.of("ecid", "1"), Map.of("aud-s", status("realized", "2026-01-02T10:00:00Z"))));
        HttpResponse<String> catalog = get("/v1/audiences", DESTINATION_TOKEN);

        for (HttpResponse<String> response : List.of(known, unknown, none, pushWithLookupToken, catalog)) {
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(pulled).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM ferry_audience_membership WHERE identity_namespace = 'ecid' AND identity_value = '1'")).isZero();
    }

    @Test
    void malformedPushesAre400WithTheReasonAndStoreNothing() throws Exception {
        String valid = profile(Map.of("ecid", "42"), Map.of("aud-ok", status("realized", "2026-01-02T10:00:00Z")));
        Map<String, String> malformed = Map.of(
                "{not json", "not valid JSON",
                "[" + valid + ", 7]", "profile 1 is not a JSON object",
                "[" + valid + ", " + profile(Map.of("ecid", "43"), Map.of("aud-ok", status("maybe",
                        "2026-01-02T10:00:00Z"))) + "]", "status must be realized, existing or exited",
                profile(Map.of("ecid", "44"), Map.of("aud-ok", status("realized", "yesterday"))),
                "lastQualificationTime is not an ISO-8601",
                "{\"segmentMembership\":{\"ups\":{}}}", "has no identityMap",
                profile(Map.of("email_lc_sha256", "not-a-hash"), Map.of()), "SHA-256",
                "[" + "[".repeat(100) + "]".repeat(100) + "]", "not valid JSON");

        for (Map.Entry<String, String> bad : malformed.entrySet()) {
            HttpResponse<String> response = push(bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(rows("SELECT COUNT(*) FROM ferry_audience_membership")).isZero();
        assertThat(routed).isEmpty();
    }

    @Test
    void aPushSentAsAFormIs415() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/v1/audiences/aep-destination")).header("Authorization", "Bearer " + DESTINATION_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identityMap=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("error").asText()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void aPushOverOneMegabyteIs413() throws Exception {
        StringBuilder big = new StringBuilder("[");
        while (big.length() < 1_100_000) {
            big.append(profile(Map.of("ecid", Long.toString(big.length())),
                    Map.of("aud-big", status("realized", "2026-01-02T10:00:00Z")))).append(',');
        }
        big.setCharAt(big.length() - 1, ']');

        HttpResponse<String> response = push(big.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(rows("SELECT COUNT(*) FROM ferry_audience_membership")).isZero();
    }

    @Test
    void aLookupNeedsExactlyOneIdentity() throws Exception {
        assertThat(lookupResponse("").statusCode()).isEqualTo(400);
        assertThat(lookupResponse("fpid=a&ecid=b").statusCode()).isEqualTo(400);
        assertThat(lookupResponse("customerId=abc").statusCode()).isEqualTo(400);
    }

    // ---- the snippet's own membership ----

    @Test
    void theOwnMembershipEndpointReadsTheFpidCookieOnly() throws Exception {
        String fpid = Identities.newFpid();
        push(profile(Map.of("fpid", fpid), Map.of("aud-mine", status("realized", "2026-01-02T10:00:00Z"))));

        HttpResponse<String> byCookie = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/audiences/mine"))
                .header("Cookie", "other=1; ferry_fpid=" + fpid).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byParameter = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/v1/audiences/mine?fpid=" + fpid)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json(byCookie).path("header").asText()).isEqualTo("aud-mine");
        assertThat(byCookie.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(ids(json(byParameter))).isEmpty();
    }

    @Test
    void theOptedInSnippetSetsTheLumaCookieFromTheShoppersOwnMembership() throws Exception {
        String fpid = Identities.newFpid();
        push(profile(Map.of("fpid", fpid), Map.of("aud-1", status("realized", "2026-01-02T10:00:00Z"),
                "aud-2", status("existing", "2026-01-02T10:00:00Z"))));

        JsonNode optedIn = snippet(fpid, "cookie");
        JsonNode notOptedIn = snippet(fpid, "");

        assertThat(optedIn.path("requested").get(0).asText()).isEqualTo(base + "/v1/audiences/mine");
        assertThat(optedIn.path("written").get(0).asText())
                .isEqualTo("aep-segments-membership=aud-1%2Caud-2; path=/; SameSite=Lax");
        assertThat(notOptedIn.path("requested")).isEmpty();
        assertThat(notOptedIn.path("written")).isEmpty();
    }

    /** Runs the storefront's ferry.js under Node (snippet/audiences-cookie.mjs) as a page of Ferry's origin. */
    private JsonNode snippet(String fpid, String option) throws Exception {
        Path harness = Files.createTempFile("audiences-cookie", ".mjs");
        try (var in = CommerceAudiencesIT.class.getResourceAsStream("/snippet/audiences-cookie.mjs")) {
            Files.write(harness, in.readAllBytes());
        }
        Path snippet = Path.of(System.getProperty("ferry.project.dir", "../.."),
                "connectors", "storefront", "src", "main", "resources", "dev", "ferry", "storefront", "ferry.js");
        try {
            Process node = new ProcessBuilder("node", harness.toString(), snippet.toString(), base, fpid, option)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(out).isZero();
            return Xdm.JSON.readTree(out);
        } finally {
            Files.deleteIfExists(harness);
        }
    }

    // ---- GraphQL proxy ----

    @Test
    void theProxyAddsTheSignedInCustomersMembershipAndDropsAForgedOne() throws Exception {
        long customer = customerIds().get(0);
        push(profile(Map.of("commercecustomerid", Long.toString(customer)),
                Map.of("aud-1", status("realized", "2026-01-02T10:00:00Z"),
                        "aud-2", status("existing", "2026-01-02T10:00:00Z"))));
        String token = jwt("{\"kid\":\"1\",\"alg\":\"HS256\"}", "{\"uid\":" + customer + ",\"utypid\":3,"
                + "\"iat\":1700000000,\"exp\":1900000000}");
        String query = "{\"query\":\"{ cart(cart_id: \\\"x\\\") { prices { discounts { label } } } }\"}";
        upstreamStatus.set(401);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Store", "default")
                .header("aep-segments-membership", "forged-audience")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());

        RecordedRequest saw = upstreamSaw.get();
        assertThat(saw.method()).isEqualTo("POST");
        assertThat(saw.body()).isEqualTo(query);
        assertThat(saw.headers().get("Aep-segments-membership")).containsExactly("aud-1%2Caud-2");
        assertThat(saw.headers().get("Authorization")).containsExactly("Bearer " + token);
        assertThat(saw.headers().get("Store")).containsExactly("default");
        assertThat(saw.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("camel"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("The current customer isn't authorized.");
        assertThat(response.headers().firstValue("X-Magento-Cache-Id")).hasValue("abc123");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactlyInAnyOrder("a=1; Path=/",
                "b=2; Path=/");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("camel"));
    }

    @Test
    void theProxyPassesAGetQueryAsItCameAndUsesTheFpidCookieForGuests() throws Exception {
        String fpid = Identities.newFpid();
        push(profile(Map.of("fpid", fpid), Map.of("aud-guest", status("realized", "2026-01-02T10:00:00Z"))));
        String rawQuery = "query=" + URLEncoder.encode("{ products(search: \"bag\") { total_count } }",
                StandardCharsets.UTF_8);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql?" + rawQuery))
                .header("Cookie", "ferry_fpid=" + fpid).GET().build(), HttpResponse.BodyHandlers.ofString());

        RecordedRequest saw = upstreamSaw.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(saw.method()).isEqualTo("GET");
        assertThat(saw.query()).isEqualTo(rawQuery);
        assertThat(saw.headers()).doesNotContainKey("Query");
        assertThat(saw.headers().get("Aep-segments-membership")).containsExactly("aud-guest");
        assertThat(saw.headers().get("Cookie")).containsExactly("ferry_fpid=" + fpid);
    }

    @Test
    void theProxyAddsNoMembershipForAnAnonymousShopper() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("aep-segments-membership", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ storeConfig { code } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstreamSaw.get().headers()).doesNotContainKey("Aep-segments-membership");
    }

    @Test
    void theProxyAnswers502WhenCommerceCannotBeReached() throws Exception {
        upstream.stop(0);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ storeConfig { code } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("errors").get(0).path("message").asText())
                .isEqualTo("the Commerce GraphQL endpoint cannot be reached");
    }

    // ---- helpers ----

    private static String jwt(String header, String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private void catalog(Audience... audiences) {
        camel.createProducerTemplate().sendBody("commerce-audiences:catalog?dataSource=#commerceDb",
                List.of(audiences));
    }

    private static Map<String, String> status(String status, String time) {
        return Map.of("status", status, "lastQualificationTime", time);
    }

    /** A profile as AEP's HTTP API destination sends it. */
    private static String profile(Map<String, String> identities, Map<String, Map<String, String>> audiences)
            throws Exception {
        var profile = Xdm.JSON.createObjectNode();
        var identityMap = profile.putObject("identityMap");
        identities.forEach((namespace, id) -> identityMap.putArray(namespace).addObject().put("id", id));
        var ups = profile.putObject("segmentMembership").putObject("ups");
        audiences.forEach((id, entry) -> {
            var node = ups.putObject(id);
            entry.forEach(node::put);
        });
        profile.putObject("person").putObject("name").put("firstName", "Ada");
        return Xdm.JSON.writeValueAsString(profile);
    }

    private HttpResponse<String> push(String body) throws Exception {
        return send("/v1/audiences/aep-destination", DESTINATION_TOKEN, body);
    }

    private HttpResponse<String> send(String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> lookupResponse(String query) throws Exception {
        return get("/v1/audiences/membership?" + query, LOOKUP_TOKEN);
    }

    private HttpResponse<String> lookup(String query) throws Exception {
        HttpResponse<String> response = lookupResponse(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Xdm.JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode membership) {
        List<String> ids = new ArrayList<>();
        membership.path("audiences").forEach(audience -> ids.add(audience.path("id").asText()));
        return ids;
    }

    private static List<Long> customerIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = commerce.getConnection();
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT entity_id FROM customer_entity ORDER BY entity_id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static String emailOf(long customer) throws SQLException {
        try (Connection c = commerce.getConnection();
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT email FROM customer_entity WHERE entity_id = " + customer)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A customer of no website (Magento's unique key is email and website), so it may share another's email. */
    private static long insertCustomer(String email) throws SQLException {
        try (Connection c = commerce.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO customer_entity (website_id, store_id, "
                        + "email, firstname, lastname) VALUES (NULL, NULL, ?, 'Twin', 'Shopper')",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, email);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long rows(String countQuery) throws SQLException {
        try (Connection c = commerce.getConnection(); ResultSet rows = c.createStatement().executeQuery(countQuery)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

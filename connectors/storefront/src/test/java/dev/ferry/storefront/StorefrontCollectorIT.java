package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.AepComponent;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default route of the docs over real HTTP on loopback: {@code storefront:events -> outbox:edge} and
 * {@code outbox:edge -> aep:edge}, with the state database in H2 and the local AEP sandbox as Experience Platform.
 */
class StorefrontCollectorIT {

    private static AepSandbox sandbox;
    private static StateDatabase state;
    private static CamelContext camel;
    private static CollectorClient collector;

    @BeforeAll
    static void start() throws Exception {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
        state = StateDatabase.open("jdbc:h2:mem:storefront-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        camel = collectorContext(state, "storefront:events?allowedOrigins=https://shop.example.com");
        camel.addComponent("aep", aep(sandbox));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("outbox:edge?pollInterval=20&initialBackoff=20&maxBackoff=200").routeId("outbox-to-aep-edge")
                        .to("aep:edge");
            }
        });
        camel.start();
        collector = new CollectorClient("http://127.0.0.1:" + port(camel));
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (state != null) {
            state.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A context with Camel's embedded HTTP server on a free loopback port and the collector route. */
    static CamelContext collectorContext(StateDatabase state, String collectorUri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        context.addService(new VertxPlatformHttpServer(http));
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(collectorUri).routeId("storefront-to-outbox").to("outbox:edge");
            }
        });
        return context;
    }

    static int port(CamelContext context) {
        return context.hasService(VertxPlatformHttpServer.class).getServer().actualPort();
    }

    static AepComponent aep(AepSandbox sandbox) {
        SandboxSettings settings = sandbox.settings();
        AepComponent aep = new AepComponent();
        aep.setImsUrl(sandbox.baseUrl());
        aep.setEdgeUrl(sandbox.baseUrl());
        aep.setClientId(settings.clientId());
        aep.setClientSecret(settings.clientSecret());
        aep.setOrgId(settings.imsOrgId());
        aep.setSandboxName(settings.sandboxName());
        aep.setDatastreamId(settings.datastreamId());
        aep.setInitialBackoff(20);
        aep.setMaxBackoff(500);
        aep.setRequestTimeout(5_000);
        return aep;
    }

    private static StorefrontEndpoint endpoint() {
        return camel.getEndpoint("storefront:events?allowedOrigins=https://shop.example.com", StorefrontEndpoint.class);
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring("ferry_fpid=".length(), setCookie.indexOf(';'));
    }

    @Test
    void aShoppersJourneyArrivesInAepValidInOrderAndUnderOneFirstPartyId() {
        StorefrontJourney journey = StorefrontJourney.visit();

        CollectorClient.Answer answer = collector.postJson(journey.asEnvelope());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Content-Type")).contains("application/json");
        assertThat(answer.body()).isEqualTo("{\"accepted\":12,\"rejected\":[]}");
        String setCookie = answer.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).matches("ferry_fpid=[0-9a-f-]{36}; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly")
                .as("no Secure flag over plain http").doesNotContain("Secure");
        String fpid = cookieValue(setCookie);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> journey.ids().stream().allMatch(id -> sandbox.events().countById(id) == 1));
        List<ReceivedEvent> received = new java.util.ArrayList<>(sandbox.events().list().stream()
                .filter(event -> journey.ids().contains(event.id())).toList());
        java.util.Collections.reverse(received); // the sandbox lists newest first
        assertThat(received).hasSize(12).allSatisfy(event -> assertThat(event.valid())
                .as("%s: %s", event.eventType(), event.validationErrors()).isTrue());
        assertThat(received).extracting(ReceivedEvent::id).as("delivered in the order of the journey")
                .containsExactlyElementsOf(journey.ids());
        assertThat(received).extracting(ReceivedEvent::eventType).containsExactly("web.webpagedetails.pageViews",
                "searchRequest", "searchResponse", "commerce.productViews", "commerce.productListAdds",
                "commerce.productListRemovals", "commerce.productListAdds", "commerce.productListOpens",
                "commerce.productListViews", "commerce.checkouts", "userAccount.login", "commerce.purchases");
        assertThat(received).allSatisfy(event -> assertThat(event.xdm().path("identityMap").path("FPID")
                .path(0).path("id").asText()).isEqualTo(fpid));
        JsonNode purchase = received.get(11).xdm();
        assertThat(purchase.path("commerce").path("order").path("priceTotal").asDouble()).isEqualTo(125);
        assertThat(purchase.path("identityMap").has("Email_LC_SHA256")).isTrue();
        assertThat(endpoint().getAcceptedCount()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aReturningShopperKeepsTheFpidOfTheirCookieAndGetsNoNewCookie() {
        String fpid = "0c2f7a8e-3d4b-4f6a-9b1c-5e7d9f0a1b2c";
        StorefrontJourney journey = StorefrontJourney.visit();

        CollectorClient.Answer answer = collector.postJson(journey.asArray(),
                Map.of("Cookie", "mage-cache-sessid=true; ferry_fpid=" + fpid));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Set-Cookie")).isEmpty();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journey.ids().stream().allMatch(id -> sandbox.events().countById(id) == 1));
        assertThat(sandbox.events().list()).filteredOn(event -> journey.ids().contains(event.id()))
                .allSatisfy(event -> assertThat(event.xdm().path("identityMap").path("FPID").path(0).path("id")
                        .asText()).isEqualTo(fpid));
    }

    @Test
    void badEventsAreRejectedAloneWithTheirIndexAndReasonWhileTheOthersAreStored() {
        String id = UUID.randomUUID().toString();
        String body = "[{\"event\": \"add-to-wishlist\", \"eventInfo\": {}},"
                + " {\"event\": \"page-view\", \"eventInfo\": {\"debugContext\": {\"eventId\": \"" + id + "\"}}},"
                + " {\"event\": \"add-to-cart\", \"eventInfo\": {}},"
                + " 42]";

        CollectorClient.Answer answer = collector.postJson(body);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().path("rejected").toString()).isEqualTo("[{\"index\":0,\"error\":\"unknown event "
                + "'add-to-wishlist'\"},{\"index\":2,\"error\":\"'add-to-cart' needs storefrontInstanceContext\"},"
                + "{\"index\":3,\"error\":\"an event is a JSON object with \\\"event\\\" and \\\"eventInfo\\\"\"}]");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.events().countById(id) == 1);
    }

    @Test
    void aRequestRefusedAsAWholeGetsA4xxWithOneLineAndStoresNothing() {
        long before = endpoint().getAcceptedCount();
        String page = "{\"event\": \"page-view\", \"eventInfo\": {}}";

        CollectorClient.Answer wrongType = collector.post("/v1/storefront/events", "text/plain",
                ("[" + page + "]").getBytes(StandardCharsets.UTF_8), Map.of());
        CollectorClient.Answer notJson = collector.postJson("[" + page + ", {oops");
        CollectorClient.Answer tooBig = collector.postJson("[" + page + ",\"" + "x".repeat(600 * 1024) + "\"]");
        CollectorClient.Answer tooMany = collector.postJson("[" + (page + ",").repeat(500) + page + "]");
        CollectorClient.Answer tooDeep = collector.postJson("[" + page + ", " + "[".repeat(40) + "]".repeat(40) + "]");

        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().path("error").asText()).isEqualTo("Content-Type must be application/json, not text/plain");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").asText()).startsWith("not JSON: ");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("error").asText()).endsWith("bytes; the limit is 524288");
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("error").asText()).isEqualTo("more than 500 events in one request");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.json().path("error").asText()).isEqualTo("JSON nested deeper than 32 levels");
        for (CollectorClient.Answer refused : List.of(wrongType, notJson, tooBig, tooMany, tooDeep)) {
            assertThat(refused.body()).doesNotContain("\n");
            assertThat(refused.header("Set-Cookie")).isEmpty();
        }
        assertThat(endpoint().getAcceptedCount()).isEqualTo(before);
    }

    @Test
    void theAnswerCarriesOnlyTheHeadersTheCollectorMeansNotTheRequestsOrTheRoutes() {
        CollectorClient.Answer answer = collector.post("/v1/storefront/events?FerryOutboxAppended=9&debug=1",
                "application/json", "[{\"event\": \"page-view\", \"eventInfo\": {}}]".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Internal-Secret", "s3cr3t", "Cookie", "ferry_fpid=0c2f7a8e-3d4b-4f6a-9b1c-5e7d9f0a1b2c"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.headers().keySet()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("content-type", "content-length");
    }

    @Test
    void aShopperWhoOptedOutIsNotSentCountedAndGetsNoCookie() {
        long before = endpoint().getOptedOutCount();
        String id = UUID.randomUUID().toString();
        String page = "{\"event\": \"page-view\", \"eventInfo\": {\"debugContext\": {\"eventId\": \"" + id + "\"}}}";

        CollectorClient.Answer byCookie = collector.postJson("[" + page + "]", Map.of("Cookie", "mg_dnt=track"));
        CollectorClient.Answer byPayload = collector.postJson("{\"consent\": \"out\", \"events\": [" + page + "]}");

        assertThat(byCookie.status()).isEqualTo(202);
        assertThat(byCookie.body()).isEqualTo("{\"accepted\":0,\"rejected\":[]}");
        assertThat(byCookie.header("Set-Cookie")).isEmpty();
        assertThat(byPayload.body()).isEqualTo("{\"accepted\":0,\"rejected\":[]}");
        assertThat(endpoint().getOptedOutCount()).isEqualTo(before + 2);
        assertThat(state.outbox().backlog("edge").events()).isZero();
        assertThat(sandbox.events().countById(id)).isZero();
    }

    @Test
    void aSuspendedCollectorRouteAnswers503AndResumesWhereItLeftOff() throws Exception {
        camel.getRouteController().suspendRoute("storefront-to-outbox");
        CollectorClient.Answer suspended;
        try {
            suspended = collector.postJson("[{\"event\": \"page-view\", \"eventInfo\": {}}]");
        } finally {
            camel.getRouteController().resumeRoute("storefront-to-outbox");
        }
        CollectorClient.Answer resumed = collector.postJson("[{\"event\": \"page-view\", \"eventInfo\": {}}]");

        assertThat(suspended.status()).isEqualTo(503);
        assertThat(resumed.status()).isEqualTo(202);
    }

    @Test
    void theCollectorAnswers503WithRetryAfterAndNever202WhenTheOutboxCannotStore() throws Exception {
        StateDatabase failing = StateDatabase.open("jdbc:h2:mem:storefront-down-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "", "");
        try (CamelContext context = collectorContext(failing, "storefront:events?retryAfter=7")) {
            context.start();
            CollectorClient client = new CollectorClient("http://127.0.0.1:" + port(context));
            failing.close();

            CollectorClient.Answer answer = client.postJson(StorefrontJourney.visit().asArray());

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).contains("7");
            assertThat(answer.json().path("error").asText()).isEqualTo("the events could not be stored; retry later");
            assertThat(context.getEndpoint("storefront:events?retryAfter=7", StorefrontEndpoint.class)
                    .getUnavailableCount()).isEqualTo(1);
        }
    }
}

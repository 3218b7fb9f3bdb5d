package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

/**
 * The snippet served by the collector, run by Node in a minimal page (see {@code snippet/harness.mjs}): it
 * forwards the storefront's ACDL events to the collector, which stores them for {@code aep:edge} to deliver to the
 * AEP sandbox. Also the CORS answers over real HTTP. Not a browser test: that one is still to be written.
 */
class StorefrontSnippetIT {

    private static final String SHOP = "https://shop.example.com";

    private static AepSandbox sandbox;
    private static StateDatabase state;
    private static CamelContext camel;
    private static String baseUrl;
    private static CollectorClient collector;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
        state = StateDatabase.open("jdbc:h2:mem:storefront-snippet-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        camel = StorefrontCollectorIT.collectorContext(state, "storefront:events?allowedOrigins=" + SHOP);
        camel.addComponent("aep", StorefrontCollectorIT.aep(sandbox));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("outbox:edge?pollInterval=20&initialBackoff=20&maxBackoff=200").to("aep:edge");
            }
        });
        camel.start();
        baseUrl = "http://127.0.0.1:" + StorefrontCollectorIT.port(camel);
        collector = new CollectorClient(baseUrl);
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

    @Test
    void theCollectorServesTheSnippetAsACacheableScriptOfAFewKilobytes() {
        CollectorClient.Answer answer = collector.send("GET", "/v1/storefront/ferry.js", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).contains("application/javascript; charset=utf-8");
        assertThat(answer.header("Cache-Control")).contains("public, max-age=300");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.body()).contains("adobeDataLayer:event", "sendBeacon", "keepalive");
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(9 * 1024);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndOtherOriginsAreRefused() {
        CollectorClient.Answer allowed = collector.send("OPTIONS", "/v1/storefront/events", Map.of("Origin", SHOP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        CollectorClient.Answer other = collector.send("OPTIONS", "/v1/storefront/events",
                Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST"));
        CollectorClient.Answer post = collector.postJson("[{\"event\": \"page-view\", \"eventInfo\": {}}]",
                Map.of("Origin", "https://evil.example.net"));

        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST, OPTIONS");
        assertThat(allowed.header("Access-Control-Allow-Headers")).contains("Content-Type, X-Ferry-Fpid");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void onTheCollectorsOwnOriginTheSnippetBatchesWithFetchThenBeaconsTheRestWhenThePageIsHidden() throws Exception {
        JsonNode run = runSnippet(baseUrl, "journey");
        JsonNode requests = run.path("requests");

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path("kind").asText()).isEqualTo("fetch");
        assertThat(requests.get(0).path("status").asInt()).isEqualTo(202);
        assertThat(requests.get(0).path("body").asText()).isEqualTo("{\"accepted\":3,\"rejected\":[]}");
        assertThat(requests.get(0).path("setCookie").asText()).startsWith("ferry_fpid=");
        assertThat(requests.get(1).path("kind").asText()).isEqualTo("beacon");
        assertThat(requests.get(1).path("body").asText()).isEqualTo("{\"accepted\":4,\"rejected\":[]}");
        assertThat(requests.get(1).path("setCookie").isNull()).as("the cookie came back; none is set again").isTrue();

        String fpid = run.path("cookies").path("ferry_fpid").asText();
        List<ReceivedEvent> received = awaitDelivered(requests);
        assertThat(received).extracting(ReceivedEvent::eventType).containsExactly("web.webpagedetails.pageViews",
                "commerce.productViews", "commerce.productListAdds", "userAccount.login", "commerce.productListViews",
                "commerce.checkouts", "commerce.purchases");
        assertThat(received).allSatisfy(event -> {
            assertThat(event.valid()).as("%s", event.validationErrors()).isTrue();
            assertThat(event.xdm().path("identityMap").path("FPID").path(0).path("id").asText()).isEqualTo(fpid);
            assertThat(event.xdm().path("web").path("webPageDetails").path("URL").asText())
                    .isEqualTo(baseUrl + "/joust-duffle-bag.html");
            assertThat(event.xdm().path("placeContext").path("ianaTimezone").isTextual()).isTrue();
        });
        assertThat(received.get(6).xdm().path("commerce").path("order").path("purchaseID").asText())
                .isEqualTo("000000123");
        assertThat(requests.get(0).path("events").get(0).path("eventInfo").has("recommendationsContext"))
                .as("contexts the mapping does not read stay in the page").isFalse();
    }

    @Test
    void fromAnotherAllowedOriginTheSnippetPostsWithCorsAndCredentials() throws Exception {
        JsonNode requests = runSnippet(SHOP, "journey").path("requests");

        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.path("kind").asText()).as("no beacon across origins").isEqualTo("fetch");
            assertThat(request.path("status").asInt()).isEqualTo(202);
            assertThat(request.path("allowOrigin").asText()).isEqualTo(SHOP);
        });
        assertThat(awaitDelivered(requests)).hasSize(7);
    }

    @Test
    void forAShopperWhoOptedOutTheSnippetSendsOnlyTheEventNamesToBeCounted() throws Exception {
        StorefrontEndpoint endpoint = camel.getEndpoint("storefront:events?allowedOrigins=" + SHOP,
                StorefrontEndpoint.class);
        long before = endpoint.getOptedOutCount();

        JsonNode run = runSnippet(baseUrl, "optout");

        assertThat(run.path("requests")).allSatisfy(request -> {
            assertThat(request.path("body").asText()).isEqualTo("{\"accepted\":0,\"rejected\":[]}");
            assertThat(request.path("events")).allSatisfy(event -> {
                assertThat(event.path("consent").asText()).isEqualTo("out");
                assertThat(event.has("eventInfo")).isFalse();
            });
        });
        assertThat(run.path("cookies").isEmpty()).isTrue();
        assertThat(endpoint.getOptedOutCount()).isEqualTo(before + 7);
    }

    private static List<ReceivedEvent> awaitDelivered(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> request.path("events").forEach(event ->
                ids.add(event.path("eventInfo").path("debugContext").path("eventId").asText())));
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> sandbox.events().countById(id) == 1));
        List<ReceivedEvent> received = new ArrayList<>(sandbox.events().list().stream()
                .filter(event -> ids.contains(event.id())).toList());
        java.util.Collections.reverse(received);
        return received;
    }

    private static JsonNode runSnippet(String pageOrigin, String scenario) throws Exception {
        assertThat(nodeAvailable()).as("the snippet test runs the snippet with Node.js (node on the PATH)").isTrue();
        Path harness = work.resolve("harness.mjs");
        try (var in = StorefrontSnippetIT.class.getResourceAsStream("/snippet/harness.mjs")) {
            Files.write(harness, in.readAllBytes());
        }
        ObjectNode contexts = Xdm.JSON.createObjectNode();
        contexts.set("storefrontInstanceContext", AcdlSamples.json(AcdlSamples.STOREFRONT));
        contexts.set("pageContext", AcdlSamples.json(AcdlSamples.PAGE));
        contexts.set("productContext", AcdlSamples.json(AcdlSamples.PRODUCT));
        contexts.set("shoppingCartContext", AcdlSamples.json(AcdlSamples.CART));
        contexts.set("changedProductsContext", AcdlSamples.json(AcdlSamples.CHANGED_PRODUCTS));
        contexts.set("accountContext", AcdlSamples.json(AcdlSamples.ACCOUNT));
        contexts.set("orderContext", AcdlSamples.json(AcdlSamples.ORDER));
        Path contextsFile = work.resolve("contexts-" + UUID.randomUUID() + ".json");
        Files.writeString(contextsFile, contexts.toString());
        Process node = new ProcessBuilder("node", harness.toString(), baseUrl, pageOrigin, scenario,
                contextsFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the harness finished").isTrue();
        assertThat(node.exitValue()).as("harness exit code").isZero();
        return Xdm.JSON.readTree(output);
    }

    private static boolean nodeAvailable() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

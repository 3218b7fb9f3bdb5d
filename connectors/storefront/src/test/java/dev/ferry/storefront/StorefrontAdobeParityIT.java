package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Adobe's own storefront event collector ({@code @adobe/magento-storefront-event-collector}, npm) and Ferry's
 * snippet run side by side in one Chromium page, on the same ACDL events published through Adobe's SDK. The Web SDK
 * the collector would send through is replaced by a recorder (see {@code browser/adobe-collector-setup.js}); Ferry's
 * XDM is read from the AEP sandbox after the real path (snippet, collector, outbox, {@code aep:edge}). For every
 * event type Ferry maps, the two XDM events must be equal once the differences documented in
 * docs/connectors/storefront.md ("Where Ferry differs from Adobe's collector") are taken out.
 */
class StorefrontAdobeParityIT {

    static final String COLLECTOR = "@adobe/magento-storefront-event-collector@1.18.0";

    /** Every event Ferry maps, in the order the page publishes them, with the SDK call that publishes it. */
    private static final Map<String, String> PUBLISH = linked(
            "page-view", "mse.publish.pageView()",
            "product-page-view", "mse.publish.productPageView()",
            "search-request-sent", "mse.publish.searchRequestSent('livesearch-plp')",
            "search-response-received", "mse.publish.searchResponseReceived('livesearch-plp')",
            "add-to-cart", "mse.publish.addToCart()",
            "remove-from-cart", "mse.publish.removeFromCart()",
            "open-cart", "mse.publish.openCart()",
            "shopping-cart-view", "mse.publish.shoppingCartView()",
            "initiate-checkout", "mse.publish.initiateCheckout()",
            "sign-in", "mse.publish.signIn()",
            "create-account", "mse.publish.createAccount()",
            "edit-account", "mse.publish.editAccount()",
            "create-requisition-list", "mse.publish.createRequisitionList()",
            "add-to-requisition-list", "mse.publish.addToRequisitionList()",
            "remove-from-requisition-list", "mse.publish.removeFromRequisitionList()",
            "delete-requisition-list", "mse.publish.deleteRequisitionList()",
            "place-order", "mse.publish.placeOrder()",
            "commerce-custom", "mse.publish.custom({eventType: 'commerce.saveForLaters',"
                    + " commerce: {saveForLaters: {value: 1}}, productListItems: [{SKU: '24-MB01', quantity: 1}]})",
            "sign-out", "mse.publish.signOut()");

    private static BrowserShop shop;
    private static AepSandbox sandbox;
    private static ChromeDriver browser;
    private static String baseUrl;

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        BrowserTesting.requireBrowser();
        Path modules = BrowserTesting.npmInstall(StorefrontBrowserIT.ACDL, StorefrontBrowserIT.SDK, COLLECTOR);
        shop = BrowserShop.open(profile, modules, List.of(
                "/shop/npm/@adobe/adobe-client-data-layer/dist/adobe-client-data-layer.min.js",
                "/shop/npm/@adobe/magento-storefront-events-sdk/dist/index.js",
                "/shop/test/adobe-collector-setup.js",
                "/shop/npm/@adobe/magento-storefront-event-collector/dist/index.js",
                "/shop/test/recorder.js",
                "async /v1/storefront/ferry.js"));
        sandbox = shop.sandbox;
        browser = shop.browser;
        baseUrl = shop.baseUrl;
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void forEveryEventTypeFerrysXdmIsAdobesCollectorsXdmModuloTheDocumentedDifferences() throws Exception {
        String page = baseUrl + "/shop/joust-duffle-bag.html";
        browser.get(page);
        await().atMost(Duration.ofSeconds(15)).alias("the page loaded the SDK, Adobe's collector and ferry.js")
                .until(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.magentoStorefrontEvents"
                        + " && window.recordedAlloy && window.ferryStorefront)")));
        // Adobe's collector subscribes once it has looked up its Web SDK, asynchronously; the ACDL replays past events
        // to a late listener (its default scope is "all"), so it sees every event either way.

        StringBuilder script = new StringBuilder("""
                const c = JSON.parse(arguments[0]), mse = window.magentoStorefrontEvents;
                mse.context.setStorefrontInstance(c.storefrontInstanceContext);
                mse.context.setPage(c.pageContext);
                mse.context.setProduct(c.productContext);
                mse.context.setShoppingCart(c.shoppingCartContext);
                mse.context.setChangedProducts(c.changedProductsContext);
                mse.context.setAccount(c.accountContext);
                mse.context.setShopper(c.shopperContext);
                mse.context.setOrder(c.orderContext);
                mse.context.setSearchInput(c.searchInputContext);
                mse.context.setSearchResults(c.searchResultsContext);
                mse.context.setRequisitionList(c.requisitionListContext);
                mse.context.setRequisitionListItems(c.requisitionListItemsContext);
                """);
        PUBLISH.values().forEach(call -> script.append(call).append(";\n"));
        browser.executeScript(script.toString(), AcdlSamples.fullState().toString());

        await().atMost(Duration.ofSeconds(15)).alias("Adobe's collector sent every event to its Web SDK")
                .until(() -> ((Number) browser.executeScript("return window.recordedAlloyEvents.length"))
                        .intValue() >= PUBLISH.size());
        ArrayNode adobe = (ArrayNode) Xdm.JSON.readTree((String) browser.executeScript(
                "return JSON.stringify(window.recordedAlloyEvents)"));
        try {
            await().atMost(Duration.ofSeconds(30)).alias("the snippet's batches were answered")
                    .until(() -> snippetEvents(snippetRequests()) == PUBLISH.size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the snippet did not forward the " + PUBLISH.size() + " events; it sent: "
                    + snippetRequests(), e);
        }
        JsonNode requests = snippetRequests();
        List<String> ids = new ArrayList<>();
        for (JsonNode request : requests) {
            if (request.path("status").asInt() != 202) {
                continue; // a batch the browser refused to send, sent again by the snippet (see snippetEvents)
            }
            Xdm.JSON.readTree(request.path("body").asText()).path("events").forEach(event ->
                    ids.add(event.path("eventInfo").path("debugContext").path("eventId").asText()));
        }
        assertThat(ids).hasSize(PUBLISH.size());
        await().atMost(Duration.ofSeconds(20)).alias("Ferry delivered every event to the AEP sandbox")
                .until(() -> ids.stream().allMatch(id -> sandbox.events().countById(id) == 1));
        List<ReceivedEvent> ferry = new ArrayList<>(sandbox.events().list().stream()
                .filter(event -> ids.contains(event.id())).toList());
        Collections.reverse(ferry);

        assertThat(adobe).hasSize(PUBLISH.size());
        assertThat(ferry).extracting(ReceivedEvent::eventType)
                .containsExactlyElementsOf(() -> adobe.valueStream().map(e -> e.path("eventType").asText()).iterator());
        List<String> differences = new ArrayList<>();
        Iterator<String> names = PUBLISH.keySet().iterator();
        for (int i = 0; i < adobe.size(); i++) {
            String name = names.next();
            ReceivedEvent event = ferry.get(i);
            assertThat(event.valid()).as("%s: %s", name, event.validationErrors()).isTrue();
            JsonNode theirs = adobeModuloDocumentedDifferences(adobe.get(i), page);
            JsonNode ours = ferryModuloDocumentedDifferences(event.xdm());
            if (!theirs.equals(ours)) {
                differences.add(name + "\n  Adobe: " + theirs + "\n  Ferry: " + ours);
            }
            assertIdentities(name, adobe.get(i), event.xdm());
        }
        assertThat(differences).as("event types whose XDM differs from Adobe's collector's").isEmpty();
    }

    /**
     * Identities differ by design (docs: FPID primary, ECID not primary, Email_LC_SHA256 instead of the raw email):
     * the ECID is the same one, and a logged-in shopper's email is hashed where Adobe's collector sends it raw.
     */
    private static void assertIdentities(String name, JsonNode adobe, JsonNode ferry) {
        JsonNode theirs = adobe.path("identityMap");
        JsonNode ours = ferry.path("identityMap");
        assertThat(ours.path("FPID").path(0).path("primary").asBoolean()).as("%s FPID primary", name).isTrue();
        assertThat(ours.path("ECID").path(0).path("id").asText()).as("%s ECID", name)
                .isEqualTo(theirs.path("ECID").path(0).path("id").asText());
        assertThat(ours.path("ECID").path(0).path("primary").asBoolean()).isFalse();
        if (theirs.has("email")) {
            assertThat(ours.has("Email_LC_SHA256")).as("%s hashed email", name).isTrue();
        }
    }

    /**
     * Adobe's event as the Web SDK would send it, less what the docs say Ferry leaves out: personID, its identityMap,
     * null and empty values. The recorder stands in for the Web SDK, so the page URL the Web SDK adds to every event
     * (which Ferry takes from the snippet's context) is added here; an empty referrer is left out, as Ferry does.
     */
    static JsonNode adobeModuloDocumentedDifferences(JsonNode xdm, String pageUrl) {
        ObjectNode copy = xdm.deepCopy();
        copy.remove("personID");
        copy.remove("identityMap");
        ObjectNode web = copy.withObject("/web");
        if (web.path("webPageDetails").path("URL").asText("").isEmpty()) {
            web.withObject("/webPageDetails").put("URL", pageUrl);
        }
        if (web.path("webReferrer").path("URL").asText("").isEmpty()) {
            web.remove("webReferrer");
        }
        if ("searchRequest".equals(copy.path("eventType").asText()) && copy.path("siteSearch").isObject()) {
            ((ObjectNode) copy.path("siteSearch")).remove("refinements");
        }
        return withoutEmpties(copy);
    }

    /**
     * Ferry's event less what it has and Adobe's collector leaves to the Web SDK or to Edge: _id, timestamp, the
     * identity map (compared apart), and the browser contexts the Web SDK adds (device, environment, placeContext).
     */
    static JsonNode ferryModuloDocumentedDifferences(JsonNode xdm) {
        ObjectNode copy = xdm.deepCopy();
        copy.remove(List.of("_id", "timestamp", "identityMap", "device", "environment", "placeContext"));
        return withoutEmpties(copy);
    }

    private static JsonNode withoutEmpties(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Xdm.JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                JsonNode value = withoutEmpties(field.getValue());
                if (!value.isNull() && !(value.isObject() && value.isEmpty())) {
                    out.set(field.getKey(), value);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Xdm.JSON.createArrayNode();
            node.forEach(item -> out.add(withoutEmpties(item)));
            return out;
        }
        if (node.isNumber()) {
            return Xdm.JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    private static ArrayNode snippetRequests() throws Exception {
        return (ArrayNode) Xdm.JSON.readTree((String) browser.executeScript(
                "return window.sessionStorage.getItem('ferry-test-requests') || '[]'"));
    }

    /**
     * The events of the snippet's batches the collector answered 202. A batch the browser failed to send is sent
     * again after 5 s: with this page's full ACDL state, two batches of nearly 60 KB go out at once as keepalive
     * fetches, and Chromium caps a page's in-flight keepalive bodies at 64 KB together, so it fails the second one.
     */
    private static int snippetEvents(ArrayNode requests) throws Exception {
        int events = 0;
        for (JsonNode request : requests) {
            if (request.path("status").asInt() != 202) {
                continue;
            }
            events += Xdm.JSON.readTree(request.path("body").asText()).path("events").size();
        }
        return events;
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

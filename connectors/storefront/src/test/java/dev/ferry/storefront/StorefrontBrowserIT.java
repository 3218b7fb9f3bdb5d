package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end in a real browser: Debian's headless Chromium (driven through chromium-driver) opens a storefront page
 * that loads the Adobe Client Data Layer and Adobe's storefront events SDK (npm, installed into target/npm at test
 * time) and Ferry's snippet from the collector. The shopper's journey is published through the SDK over two pages;
 * the snippet forwards it (a batched fetch, then beacons as each page is left), the collector stores it in the
 * outbox, and {@code aep:edge} delivers it to the AEP sandbox, where the test reads the XDM.
 */
class StorefrontBrowserIT {

    static final String ACDL = "@adobe/adobe-client-data-layer@3.0.1";
    static final String SDK = "@adobe/magento-storefront-events-sdk@1.18.0";

    private static BrowserShop shop;
    private static AepSandbox sandbox;
    private static ChromeDriver browser;
    private static String baseUrl;

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        BrowserTesting.requireBrowser();
        Path modules = BrowserTesting.npmInstall(ACDL, SDK);
        shop = BrowserShop.open(profile, modules, List.of(
                "/shop/npm/@adobe/adobe-client-data-layer/dist/adobe-client-data-layer.min.js",
                "/shop/npm/@adobe/magento-storefront-events-sdk/dist/index.js",
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

    /** Each test starts as a new shopper: no cookie, nothing recorded. */
    @BeforeEach
    void newShopper() {
        browser.get(baseUrl + "/shop/start.html");
        awaitPageReady();
        browser.executeScript("window.sessionStorage.clear(); window.localStorage.clear()");
        browser.manage().deleteAllCookies();
    }

    /** The SDK and the snippet are loaded and listening. */
    private static void awaitPageReady() {
        await().atMost(Duration.ofSeconds(15)).alias("the page loaded the ACDL, the SDK and ferry.js")
                .until(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.adobeDataLayer"
                        + " && window.adobeDataLayer.getState && window.magentoStorefrontEvents"
                        + " && window.magentoStorefrontEvents.publish && window.ferryStorefront)")));
    }

    /** Follows a link, as a shopper would (so the next page has a referrer), and waits for the next page. */
    private static void navigate(String url) {
        browser.executeScript("window.location.href = arguments[0]", url);
        await().atMost(Duration.ofSeconds(15)).alias("the browser opened " + url)
                .until(() -> url.equals(browser.getCurrentUrl()));
        awaitPageReady();
    }

    private static String contexts() {
        ObjectNode contexts = AcdlSamples.fullState();
        contexts.set("cartPage", AcdlSamples.json("{\"pageType\": \"Cart\", \"pageName\": \"Shopping Cart\"}"));
        return contexts.toString();
    }

    @Test
    void aShoppersJourneyPublishedThroughAdobesSdkInChromiumReachesAepAsValidXdmUnderTheBrowsersFpid()
            throws Exception {
        String productPage = baseUrl + "/shop/joust-duffle-bag.html";
        String cartPage = baseUrl + "/shop/checkout/cart.html";
        browser.get(productPage);
        awaitPageReady();
        String userAgent = (String) browser.executeScript("return navigator.userAgent");

        // A guest on a product page: views, searches, adds to the cart.
        browser.executeScript("""
                const c = JSON.parse(arguments[0]), mse = window.magentoStorefrontEvents;
                mse.context.setStorefrontInstance(c.storefrontInstanceContext);
                mse.context.setShopper({shopperId: 'guest'});
                mse.context.setPage(c.pageContext);
                mse.publish.pageView();
                mse.context.setProduct(c.productContext);
                mse.publish.productPageView();
                mse.context.setSearchInput(c.searchInputContext);
                mse.publish.searchRequestSent('livesearch-plp');
                mse.context.setSearchResults(c.searchResultsContext);
                mse.publish.searchResponseReceived('livesearch-plp');
                mse.context.setShoppingCart(c.shoppingCartContext);
                mse.context.setChangedProducts(c.changedProductsContext);
                mse.publish.addToCart();
                """, contexts());
        // The snippet sends them in one batch a second later; the answer sets the first-party cookie.
        await().atMost(Duration.ofSeconds(15)).alias("the collector answered the first batch")
                .until(() -> Boolean.TRUE.equals(browser.executeScript("const r = JSON.parse("
                        + "window.sessionStorage.getItem('ferry-test-requests') || '[]'); return r.length > 0"
                        + " && r[0].status !== undefined")));
        assertThat(browser.manage().getCookieNamed("ferry_fpid")).as("the collector set ferry_fpid in the browser")
                .isNotNull();
        Cookie cookie = browser.manage().getCookieNamed("ferry_fpid");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        String fpid = cookie.getValue();

        // Changes their mind, opens the mini cart, and goes to the cart page right away: the snippet beacons these.
        browser.executeScript("""
                const mse = window.magentoStorefrontEvents;
                mse.publish.removeFromCart();
                mse.publish.openCart();
                """);
        navigate(cartPage);

        // On the cart page (a new ACDL): views the cart, checks out, signs in, orders; then leaves.
        browser.executeScript("""
                const c = JSON.parse(arguments[0]), mse = window.magentoStorefrontEvents;
                mse.context.setStorefrontInstance(c.storefrontInstanceContext);
                mse.context.setShopper({shopperId: 'guest'});
                mse.context.setPage(c.cartPage);
                mse.context.setShoppingCart(c.shoppingCartContext);
                mse.publish.pageView();
                mse.publish.shoppingCartView();
                mse.publish.initiateCheckout();
                mse.context.setAccount(c.accountContext);
                mse.context.setShopper(c.shopperContext);
                mse.publish.signIn();
                mse.context.setOrder(c.orderContext);
                mse.publish.placeOrder();
                """, contexts());
        navigate(baseUrl + "/shop/thank-you.html");

        // What the snippet sent, as the page's recorder saw it.
        JsonNode requests = Xdm.JSON.readTree((String) browser.executeScript(
                "return window.sessionStorage.getItem('ferry-test-requests') || '[]'"));
        assertThat(requests).as("requests: %s", requests).hasSize(3);
        assertThat(requests.get(0).path("kind").asText()).isEqualTo("fetch");
        assertThat(requests.get(0).path("page").asText()).isEqualTo("/shop/joust-duffle-bag.html");
        assertThat(requests.get(0).path("status").asInt()).isEqualTo(202);
        assertThat(requests.get(1).path("kind").asText()).as("left the product page").isEqualTo("beacon");
        assertThat(requests.get(1).path("queued").asBoolean()).isTrue();
        assertThat(requests.get(2).path("kind").asText()).as("left the cart page").isEqualTo("beacon");
        assertThat(requests.get(2).path("page").asText()).isEqualTo("/shop/checkout/cart.html");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode request : requests) {
            for (JsonNode event : Xdm.JSON.readTree(request.path("body").asText()).path("events")) {
                names.add(event.path("event").asText());
                ids.add(event.path("eventInfo").path("debugContext").path("eventId").asText());
            }
        }
        assertThat(names).containsExactly("page-view", "product-page-view", "search-request-sent",
                "search-response-received", "add-to-cart", "remove-from-cart", "open-cart", "page-view",
                "shopping-cart-view", "initiate-checkout", "sign-in", "place-order");
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());

        // Everything reached AEP once, in the journey's order, valid against the Commerce schema, under one FPID.
        await().atMost(Duration.ofSeconds(20)).alias("every event delivered to the AEP sandbox: " + ids)
                .until(() -> ids.stream().allMatch(id -> sandbox.events().countById(id) == 1));
        List<ReceivedEvent> received = new ArrayList<>(sandbox.events().list().stream()
                .filter(event -> ids.contains(event.id())).toList());
        Collections.reverse(received); // the sandbox lists newest first
        assertThat(received).extracting(ReceivedEvent::id).containsExactlyElementsOf(ids);
        assertThat(received).extracting(ReceivedEvent::eventType).containsExactly("web.webpagedetails.pageViews",
                "commerce.productViews", "searchRequest", "searchResponse", "commerce.productListAdds",
                "commerce.productListRemovals", "commerce.productListOpens", "web.webpagedetails.pageViews",
                "commerce.productListViews", "commerce.checkouts", "userAccount.login", "commerce.purchases");
        assertThat(received).allSatisfy(event -> {
            assertThat(event.valid()).as("%s: %s", event.eventType(), event.validationErrors()).isTrue();
            JsonNode xdm = event.xdm();
            JsonNode fpidIdentity = xdm.path("identityMap").path("FPID").path(0);
            assertThat(fpidIdentity.path("id").asText()).as("FPID of %s", event.eventType()).isEqualTo(fpid);
            assertThat(fpidIdentity.path("primary").asBoolean()).isTrue();
            assertThat(xdm.path("environment").path("browserDetails").path("userAgent").asText())
                    .isEqualTo(userAgent);
            assertThat(xdm.path("placeContext").path("ianaTimezone").isTextual()).isTrue();
            assertThat(xdm.path("device").path("screenWidth").asInt()).isPositive();
        });
        List<JsonNode> xdm = received.stream().map(ReceivedEvent::xdm).toList();
        for (int i = 0; i < 7; i++) {
            assertThat(xdm.get(i).path("web").path("webPageDetails").path("URL").asText()).isEqualTo(productPage);
        }
        for (int i = 7; i < 12; i++) {
            assertThat(xdm.get(i).path("web").path("webPageDetails").path("URL").asText()).isEqualTo(cartPage);
        }
        assertThat(xdm.get(7).path("web").path("webReferrer").path("URL").asText()).isEqualTo(productPage);
        assertThat(xdm.get(0).path("web").path("webPageDetails").path("name").asText()).isEqualTo("Joust Duffle Bag");
        assertThat(xdm.get(7).path("web").path("webPageDetails").path("siteSection").asText()).isEqualTo("Cart");
        assertThat(xdm.get(1).path("productListItems").path(0).path("SKU").asText()).isEqualTo("24-MB01");
        assertThat(xdm.get(1).path("commerce").path("commerceScope").path("environmentID").asText())
                .isEqualTo("09b4bd72-5d3a-4ae2-a0c0-4d8b1e0e9a58");
        assertThat(xdm.get(2).path("siteSearch").path("query").asText()).isEqualTo("duffle bag");
        assertThat(xdm.get(3).path("siteSearch").path("numberOfResults").asInt()).isEqualTo(2);
        assertThat(xdm.get(4).path("productListItems").path(0).path("SKU").asText()).isEqualTo("MH01-XS-Black");
        assertThat(xdm.get(8).path("productListItems")).hasSize(2);
        assertThat(xdm.get(8).path("productListItems").path(0).path("priceTotal").asDouble()).isEqualTo(68.0);
        String emailHash = sha256("roni_cost@example.com");
        for (int i = 0; i < 10; i++) {
            assertThat(xdm.get(i).path("identityMap").has("Email_LC_SHA256")).as("a guest has no email identity")
                    .isFalse();
        }
        for (int i : new int[] {10, 11}) {
            assertThat(xdm.get(i).path("identityMap").path("Email_LC_SHA256").path(0).path("id").asText())
                    .isEqualTo(emailHash);
            assertThat(xdm.get(i).path("personalEmail").path("address").asText()).isEqualTo("Roni_Cost@Example.com");
        }
        assertThat(xdm.get(10).path("person").path("accountID").asText()).isEqualTo("1");
        JsonNode order = xdm.get(11).path("commerce").path("order");
        assertThat(order.path("purchaseID").asText()).isEqualTo("000000123");
        assertThat(order.path("priceTotal").asDouble()).isEqualTo(125);
        assertThat(order.path("currencyCode").asText()).isEqualTo("USD");
        assertThat(order.path("payments").path(0).path("paymentType").asText()).isEqualTo("checkmo");
    }

    @Test
    void aShopperWhoLeavesWithMoreThan64KbQueuedLosesNoEvent() throws Exception {
        browser.get(baseUrl + "/shop/joust-duffle-bag.html");
        awaitPageReady();
        long before = sandbox.events().size();
        browser.executeScript("""
                const c = JSON.parse(arguments[0]), mse = window.magentoStorefrontEvents;
                mse.context.setStorefrontInstance(c.storefrontInstanceContext);
                mse.context.setPage(c.pageContext);
                mse.context.setProduct(c.productContext);
                mse.context.setShoppingCart(c.shoppingCartContext);
                mse.context.setChangedProducts(c.changedProductsContext);
                mse.context.setSearchInput(c.searchInputContext);
                mse.context.setSearchResults(c.searchResultsContext);
                for (let i = 0; i < 6; i++) {
                  mse.publish.productPageView();
                  mse.publish.addToCart();
                  mse.publish.shoppingCartView();
                }
                """, contexts());
        navigate(baseUrl + "/shop/checkout/cart.html"); // at once: everything queued goes out on page hide

        await().atMost(Duration.ofSeconds(20)).alias("all 18 events stored and delivered")
                .until(() -> sandbox.events().size() - before == 18);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

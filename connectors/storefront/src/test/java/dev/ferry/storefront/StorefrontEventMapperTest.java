package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.acdl.AcdlEvent;
import dev.ferry.storefront.mapping.EventMappings;
import dev.ferry.storefront.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.ferry.storefront.AcdlSamples.ACCOUNT;
import static dev.ferry.storefront.AcdlSamples.CHANGED_PRODUCTS;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.AcdlSamples.fullState;
import static dev.ferry.storefront.AcdlSamples.json;
import static dev.ferry.storefront.StorefrontTesting.FPID;
import static dev.ferry.storefront.StorefrontTesting.RECEIVED;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorefrontEventMapperTest {

    private static final StorefrontEventMapper MAPPER = new StorefrontEventMapper(true, Duration.ofMinutes(1));

    private static AcdlEvent timed(JsonNode timestamp) {
        return new AcdlEvent(0, "page-view", eventInfo(), timestamp, null, false);
    }

    @Test
    void everyMappedEventTypeValidatesAgainstTheCommerceExperienceEventSchemaFromTheFullState() {
        for (String name : EventMappings.eventNames()) {
            ObjectNode state = fullState();
            state.put("searchUnitId", "livesearch-plp");
            if (name.equals("commerce-custom")) {
                state.set("customContext", json("{\"eventType\": \"commerce.saveForLaters\","
                        + " \"commerce\": {\"saveForLaters\": {\"value\": 1}}}"));
            }
            XdmEvent event = map(name, state);
            assertThat(event.eventType()).as(name).isNotBlank();
        }
        assertThat(EventMappings.eventNames()).hasSize(19);
    }

    @Test
    void theShoppersFpidIsThePrimaryIdentityAndPartitionsTheirEvents() {
        XdmEvent event = map("page-view", eventInfo());

        assertThat(event.get("identityMap.FPID").toString()).isEqualTo(
                "[{\"id\":\"" + FPID + "\",\"primary\":true,\"authenticatedState\":\"ambiguous\"}]");
        assertThat(event.partitionKey()).isEqualTo(FPID);
    }

    @Test
    void aLoggedInShoppersEmailIsSentOnlyAsItsLowerCaseSha256() {
        XdmEvent event = map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "changedProductsContext", CHANGED_PRODUCTS, "accountContext", ACCOUNT,
                "shopperContext", "{\"shopperId\": \"logged-in\"}"));

        assertThat(event.get("identityMap.Email_LC_SHA256").toString()).isEqualTo("[{\"id\":\""
                + Identities.emailSha256("roni_cost@example.com")
                + "\",\"primary\":false,\"authenticatedState\":\"authenticated\"}]");
        assertThat(event.toJson()).doesNotContainIgnoringCase("roni_cost@example.com");
    }

    @Test
    void aGuestHasNoEmailIdentityEvenWhenAnOldAccountContextLingers() {
        XdmEvent event = map("page-view", eventInfo("accountContext", ACCOUNT,
                "shopperContext", "{\"shopperId\": \"guest\"}"));

        assertThat(event.get("identityMap.Email_LC_SHA256").isMissingNode()).isTrue();
    }

    @Test
    void theRawAddressGoesWhereTheCollectorPutsItUnlessRawEmailIsOff() {
        ObjectNode signIn = eventInfo("storefrontInstanceContext", STOREFRONT, "accountContext", ACCOUNT);

        XdmEvent withEmail = map(true, StorefrontTesting.event("sign-in", signIn));
        XdmEvent withoutEmail = map(false, StorefrontTesting.event("sign-in", signIn));

        assertThat(withEmail.get("personalEmail.address").asText()).isEqualTo("Roni_Cost@Example.com");
        assertThat(withoutEmail.get("personalEmail").isMissingNode()).isTrue();
        assertThat(withoutEmail.toJson()).doesNotContainIgnoringCase("roni_cost@example.com");
        assertThat(withoutEmail.get("identityMap.Email_LC_SHA256").isArray()).isTrue();
        assertThat(withoutEmail.get("person.accountID").asText()).isEqualTo("1");
    }

    @Test
    void anEcidFromTheAepContextOrTheWebSdkIsAddedButNotPrimary() {
        ObjectNode aep = eventInfo("aepContext", """
                {"imsOrgId": "ORG@AdobeOrg", "datastreamId": "ds",
                 "identityMap": {"ECID": [{"id": "12345678901234567890123456789012345678", "primary": true}],
                                 "loyaltyId": [{"id": "L-77", "authenticatedState": "authenticated"}]}}""");
        XdmEvent fromAepContext = map("page-view", aep);
        XdmEvent fromWebSdk = map(true, new AcdlEvent(0, "page-view", eventInfo(), null,
                json("{\"ecid\": \"98765432109876543210987654321098765432\"}"), false));

        assertThat(fromAepContext.get("identityMap.ECID").toString()).isEqualTo("[{\"id\":"
                + "\"12345678901234567890123456789012345678\",\"primary\":false,\"authenticatedState\":\"ambiguous\"}]");
        assertThat(fromAepContext.get("identityMap.loyaltyId").get(0).get("authenticatedState").asText())
                .isEqualTo("authenticated");
        assertThat(fromAepContext.get("identityMap.FPID").get(0).get("primary").asBoolean()).isTrue();
        assertThat(fromWebSdk.get("identityMap.ECID").get(0).get("id").asText())
                .isEqualTo("98765432109876543210987654321098765432");
    }

    @Test
    void theEventIdComesFromTheDebugContextSoARetriedEventKeepsIt() {
        XdmEvent event = map("page-view", eventInfo("debugContext",
                "{\"eventId\": \"a8e5c6f0-4b1d-4c1a-9d2e-1f0e3b4c5d6e\"}"));
        XdmEvent again = map("page-view", eventInfo("debugContext",
                "{\"eventId\": \"a8e5c6f0-4b1d-4c1a-9d2e-1f0e3b4c5d6e\"}"));

        assertThat(event.id()).isEqualTo("a8e5c6f0-4b1d-4c1a-9d2e-1f0e3b4c5d6e").isEqualTo(again.id());
    }

    @Test
    void withoutADebugEventIdEachEventGetsANewUuid() {
        XdmEvent first = map("page-view", eventInfo());
        XdmEvent second = map("page-view", eventInfo());

        assertThat(UUID.fromString(first.id())).isNotEqualTo(UUID.fromString(second.id()));
    }

    @Test
    void anEventIdAepCannotTakeRejectsTheEvent() {
        assertThatThrownBy(() -> map("page-view", eventInfo("debugContext", "{\"eventId\": \"has spaces in it\"}")))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("debugContext.eventId must be");
    }

    @Test
    void anEventIdIsUpTo128LettersDigitsAndDotUnderscoreColonAtDashStartingWithALetterOrDigit() {
        assertThat(StorefrontEventMapper.isEventId("a8e5c6f0-4b1d-4c1a-9d2e-1f0e3b4c5d6e")).isTrue();
        assertThat(StorefrontEventMapper.isEventId("Order_100.1:shop@example-1")).isTrue();
        assertThat(StorefrontEventMapper.isEventId("9" + "x".repeat(127))).isTrue();
        assertThat(StorefrontEventMapper.isEventId("9" + "x".repeat(128))).isFalse();
        assertThat(StorefrontEventMapper.isEventId("")).isFalse();
        assertThat(StorefrontEventMapper.isEventId("-leading-dash")).isFalse();
        assertThat(StorefrontEventMapper.isEventId("ünïcode")).isFalse();
        assertThat(StorefrontEventMapper.isEventId("a/b")).isFalse();
    }

    @Test
    void theClientsTimestampIsKeptUnlessItLiesInTheFuture() {
        Instant past = RECEIVED.minusSeconds(30);
        Instant skewed = RECEIVED.plusSeconds(20);
        Instant future = RECEIVED.plus(Duration.ofMinutes(5));

        assertThat(timestampOf(json("{\"t\": \"" + past + "\"}").get("t"))).isEqualTo(past.toString());
        assertThat(timestampOf(json("{\"t\": " + past.toEpochMilli() + "}").get("t"))).isEqualTo(past.toString());
        assertThat(timestampOf(json("{\"t\": \"2026-03-01T11:59:30+02:00\"}").get("t")))
                .isEqualTo("2026-03-01T09:59:30Z");
        assertThat(timestampOf(json("{\"t\": \"" + skewed + "\"}").get("t")))
                .as("a clock a little ahead: receipt time").isEqualTo(RECEIVED.toString());
        assertThat(timestampOf(json("{\"t\": \"" + future + "\"}").get("t"))).isEqualTo(RECEIVED.toString());
        assertThat(timestampOf(json("{\"t\": \"yesterday\"}").get("t"))).isEqualTo(RECEIVED.toString());
        assertThat(timestampOf(null)).isEqualTo(RECEIVED.toString());
    }

    private static String timestampOf(JsonNode clientTime) {
        return Instant.parse(MAPPER.map(timed(clientTime), FPID, null, RECEIVED).get("timestamp").asText()).toString();
    }

    @Test
    void theBrowserContextFillsWhatTheWebSdkAddsWithoutOverridingTheEvent() {
        ObjectNode context = json("""
                {"url": "https://shop.example.com/gear/bags.html", "referrer": "", "screenWidth": 1920,
                 "screenHeight": 1080, "screenOrientation": "landscape", "viewportWidth": 1280, "viewportHeight": 720,
                 "timezoneOffset": -60, "timezone": "Europe/Berlin"}""");
        XdmEvent event = map(true, new AcdlEvent(0, "add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "customContext", "{\"device\": {\"screenWidth\": 800}}"),
                json("{\"t\": \"2026-03-01T09:59:00Z\"}").get("t"), context, false));

        assertThat(event.get("web.webPageDetails.URL").asText()).isEqualTo("https://shop.example.com/gear/bags.html");
        assertThat(event.get("web.webReferrer").isMissingNode()).as("an empty referrer is left out").isTrue();
        assertThat(event.get("device").toString())
                .isEqualTo("{\"screenWidth\":800,\"screenHeight\":1080,\"screenOrientation\":\"landscape\"}");
        assertThat(event.get("environment").toString()).isEqualTo("{\"type\":\"browser\",\"browserDetails\":"
                + "{\"viewportWidth\":1280,\"viewportHeight\":720,\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0\"}}");
        assertThat(event.get("placeContext").toString()).isEqualTo("{\"localTimezoneOffset\":-60,"
                + "\"localTime\":\"2026-03-01T10:59:00.000+01:00\",\"ianaTimezone\":\"Europe/Berlin\"}");
    }

    @Test
    void theChannelComesFromTheChannelContextAndPersonIdIsNeverSent() {
        XdmEvent event = map("page-view", eventInfo("channelContext", """
                {"_id": "https://ns.adobe.com/xdm/channels/web", "_type": "https://ns.adobe.com/xdm/channel-types/web"}""",
                "customContext", "{\"personID\": \"0000\"}"));

        assertThat(event.get("channel").toString()).isEqualTo("{\"_id\":\"https://ns.adobe.com/xdm/channels/web\","
                + "\"_type\":\"https://ns.adobe.com/xdm/channel-types/web\"}");
        assertThat(event.get("personID").isMissingNode()).isTrue();
    }

    @Test
    void anEventAdobesCollectorDoesNotSendToAepOrDoesNotKnowIsRejectedWithTheReason() {
        assertThatThrownBy(() -> map("recs-unit-view", eventInfo()))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("'recs-unit-view' is not sent to Experience Platform by Adobe's collector");
        assertThatThrownBy(() -> map("add-to-wishlist", eventInfo()))
                .isInstanceOf(MappingException.class).hasMessage("unknown event 'add-to-wishlist'");
    }

    @Test
    void anEventMissingAContextItsHandlerNeedsIsRejectedNamingTheContext() {
        assertThatThrownBy(() -> map("add-to-cart", eventInfo("changedProductsContext", CHANGED_PRODUCTS)))
                .isInstanceOf(MappingException.class).hasMessage("'add-to-cart' needs storefrontInstanceContext");
        assertThatThrownBy(() -> map("product-page-view", eventInfo("storefrontInstanceContext", STOREFRONT)))
                .isInstanceOf(MappingException.class).hasMessage("'product-page-view' needs productContext");
    }

    @Test
    void valuesOfTheWrongJsonTypeAreBroughtToTheXdmTypeWhereTheyCanBe() {
        XdmEvent event = map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "changedProductsContext", """
                        {"items": [{"quantity": "2", "prices": {"price": {"value": "10.50"}},
                                    "product": {"sku": 4711, "name": "Numbered", "pricing": {"regularPrice": 10.5}}}]}"""));

        JsonNode item = event.get("productListItems").get(0);
        assertThat(item.get("SKU").asText()).isEqualTo("4711");
        assertThat(item.get("SKU").isTextual()).isTrue();
        assertThat(item.get("quantity").isIntegralNumber()).isTrue();
        assertThat(item.get("priceTotal").asDouble()).isEqualTo(21);
    }

    @Test
    void aValueXdmCannotHoldRejectsTheEventNamingTheField() {
        assertThatThrownBy(() -> map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "changedProductsContext", """
                        {"items": [{"quantity": 1.5, "prices": {"price": {"value": 3}}, "product": {"sku": "KG"}}]}""")))
                .isInstanceOf(MappingException.class)
                .hasMessage("productListItems[0].quantity must be a whole number, not 1.5");
        assertThatThrownBy(() -> map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "changedProductsContext", """
                        {"items": [{"quantity": 1, "prices": {"price": {"value": 3, "currency": "dollars"}},
                                    "product": {"sku": "X"}}]}""")))
                .isInstanceOf(MappingException.class)
                .hasMessage("productListItems[0].currencyCode must be a three-letter currency code, not \"dollars\"");
        assertThatThrownBy(() -> map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "customContext", "{\"commerce\": \"yes\"}")))
                .isInstanceOf(MappingException.class).hasMessage("commerce must be an object, not string");
    }

    @Test
    void anEmailThatIsNotAnAddressIsLeftOutAndTheEventStillSent() {
        XdmEvent event = map("sign-in", eventInfo("storefrontInstanceContext", STOREFRONT,
                "accountContext", "{\"accountId\": \"7\", \"emailAddress\": \"not an address\"}"));

        assertThat(event.get("personalEmail").isMissingNode()).isTrue();
        assertThat(event.get("identityMap.Email_LC_SHA256").isMissingNode()).isTrue();
        assertThat(event.get("person.accountID").asText()).isEqualTo("7");
    }

    @Test
    void aCustomKeyTheSchemaLacksIsPassedThroughAndTheSchemaCatchesIt() {
        XdmEvent event = new StorefrontEventMapper(true, Duration.ofMinutes(1)).map(StorefrontTesting.event("add-to-cart",
                eventInfo("storefrontInstanceContext", STOREFRONT, "customContext",
                        "{\"commerce\": {\"giftWrap\": \"yes\"}}")), FPID, null, RECEIVED);

        assertThat(CompatSchema.errors(event.xdm())).anySatisfy(error -> assertThat(error).contains("giftWrap"));
    }
}

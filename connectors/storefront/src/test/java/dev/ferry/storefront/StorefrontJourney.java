package dev.ferry.storefront;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ferry.storefront.AcdlSamples.ACCOUNT;
import static dev.ferry.storefront.AcdlSamples.CART;
import static dev.ferry.storefront.AcdlSamples.CHANGED_PRODUCTS;
import static dev.ferry.storefront.AcdlSamples.ORDER;
import static dev.ferry.storefront.AcdlSamples.PAGE;
import static dev.ferry.storefront.AcdlSamples.PRODUCT;
import static dev.ferry.storefront.AcdlSamples.SEARCH_INPUT;
import static dev.ferry.storefront.AcdlSamples.SEARCH_RESULTS;
import static dev.ferry.storefront.AcdlSamples.SHOPPER;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;

/** A shopper's visit as the snippet forwards it: ACDL events with their state, each with its own event id. */
final class StorefrontJourney {

    static final List<String> EVENTS = List.of("page-view", "search-request-sent", "search-response-received",
            "product-page-view", "add-to-cart", "remove-from-cart", "add-to-cart", "open-cart", "shopping-cart-view",
            "initiate-checkout", "sign-in", "place-order");

    private final List<String> ids = new ArrayList<>();
    private final ArrayNode events = Xdm.JSON.createArrayNode();

    static StorefrontJourney visit() {
        StorefrontJourney journey = new StorefrontJourney();
        Instant time = Instant.now().minusSeconds(60);
        for (String name : EVENTS) {
            time = time.plusSeconds(2);
            journey.add(name, time);
        }
        return journey;
    }

    private void add(String name, Instant time) {
        ObjectNode state = eventInfo("storefrontInstanceContext", STOREFRONT, "pageContext", PAGE,
                "productContext", PRODUCT, "shoppingCartContext", CART, "changedProductsContext", CHANGED_PRODUCTS,
                "searchInputContext", SEARCH_INPUT, "searchResultsContext", SEARCH_RESULTS);
        if (name.equals("sign-in") || name.equals("place-order")) {
            state.set("accountContext", AcdlSamples.json(ACCOUNT));
            state.set("shopperContext", AcdlSamples.json(SHOPPER));
        }
        if (name.equals("place-order")) {
            state.set("orderContext", AcdlSamples.json(ORDER));
        }
        if (name.startsWith("search")) {
            state.put("searchUnitId", "livesearch-plp");
        }
        String id = UUID.randomUUID().toString();
        state.putObject("debugContext").put("eventId", id);
        ids.add(id);
        ObjectNode event = events.addObject();
        event.put("event", name);
        event.set("eventInfo", state);
        event.put("timestamp", time.toString());
        event.putObject("context").put("url", "https://shop.example.com/joust-duffle-bag.html")
                .put("referrer", "https://shop.example.com/").put("viewportWidth", 1280).put("viewportHeight", 720)
                .put("timezoneOffset", -60).put("timezone", "Europe/Berlin");
    }

    List<String> ids() {
        return ids;
    }

    ArrayNode events() {
        return events;
    }

    String asArray() {
        return events.toString();
    }

    String asEnvelope() {
        ObjectNode envelope = Xdm.JSON.createObjectNode();
        envelope.set("events", events);
        return envelope.toString();
    }
}

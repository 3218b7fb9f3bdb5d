package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** XDM events as Ferry sends them, for tests. */
public final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleEvents() {
    }

    /** A storefront product page view with web, environment and identity details. */
    public static ObjectNode productView(String id) {
        return parse("""
                {
                  "_id": "%s",
                  "timestamp": "2024-05-01T10:15:30.123Z",
                  "eventType": "commerce.productViews",
                  "identityMap": {
                    "FPID": [{"id": "7b6e5f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "authenticatedState": "ambiguous", "primary": true}],
                    "Email": [{"id": "shopper@example.com", "authenticatedState": "authenticated", "primary": false}]
                  },
                  "commerce": {
                    "productViews": {"value": 1},
                    "commerceScope": {"environmentID": "ferry-demo", "storeCode": "main_website_store", "storeViewCode": "default", "websiteCode": "base"}
                  },
                  "productListItems": [
                    {"SKU": "MH01", "name": "Chaz Kangeroo Hoodie", "priceTotal": 52.0, "currencyCode": "USD", "quantity": 1,
                     "productCategories": [{"categoryID": "15", "categoryName": "Hoodies"}]}
                  ],
                  "web": {
                    "webPageDetails": {"URL": "https://shop.example.com/mh01.html", "name": "Chaz Kangeroo Hoodie", "pageViews": {"value": 1}},
                    "webReferrer": {"URL": "https://shop.example.com/men.html", "type": "internal"}
                  },
                  "environment": {
                    "type": "browser",
                    "browserDetails": {"userAgent": "Mozilla/5.0", "acceptLanguage": "en-US", "viewportWidth": 1280, "viewportHeight": 720},
                    "ipV4": "203.0.113.7"
                  },
                  "device": {"screenWidth": 1920, "screenHeight": 1080, "screenOrientation": "landscape"}
                }
                """.formatted(id));
    }

    /** A back-office order placement with payments, shipping, billing and two line items. */
    public static ObjectNode orderPlaced(String id) {
        return parse("""
                {
                  "_id": "%s",
                  "timestamp": "2024-05-01T11:00:00Z",
                  "eventType": "commerce.backofficeOrderPlaced",
                  "identityMap": {"Email": [{"id": "shopper@example.com", "primary": true}]},
                  "personalEmail": {"address": "shopper@example.com"},
                  "commerce": {
                    "purchases": {"value": 1},
                    "order": {
                      "purchaseID": "000000042", "priceTotal": 109.0, "currencyCode": "USD", "taxAmount": 9.0,
                      "discountAmount": 0, "createdDate": "2024-05-01T10:59:58Z",
                      "payments": [{"transactionID": "txn-42", "paymentType": "credit_card", "paymentAmount": 109.0, "currencyCode": "USD"}]
                    },
                    "shipping": {"shippingMethod": "flatrate_flatrate", "shippingAmount": 10.0, "currencyCode": "USD",
                                 "address": {"street1": "1 Main St", "city": "Austin", "postalCode": "78701", "countryCode": "US", "stateProvince": "US-TX"}},
                    "billing": {"address": {"street1": "1 Main St", "city": "Austin", "postalCode": "78701", "countryCode": "US"}}
                  },
                  "productListItems": [
                    {"SKU": "MH01", "name": "Chaz Kangeroo Hoodie", "priceTotal": 52.0, "quantity": 1, "currencyCode": "USD"},
                    {"SKU": "WS12", "name": "Radiant Tee", "priceTotal": 47.0, "quantity": 2, "currencyCode": "USD",
                     "selectedOptions": [{"attribute": "size", "value": "M"}]}
                  ]
                }
                """.formatted(id));
    }

    /** A product view with an extra key the dataset's schema lacks, at {@code $.commerce.giftWrap}. */
    public static ObjectNode withUnknownKey(String id) {
        ObjectNode event = productView(id);
        ((ObjectNode) event.get("commerce")).put("giftWrap", true);
        return event;
    }

    /** A product view whose price is text instead of a number, at {@code $.productListItems[0].priceTotal}. */
    public static ObjectNode withWrongType(String id) {
        ObjectNode event = productView(id);
        ((ObjectNode) event.get("productListItems").get(0)).put("priceTotal", "52.00");
        return event;
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

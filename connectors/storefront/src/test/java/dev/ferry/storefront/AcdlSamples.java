package dev.ferry.storefront;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;

/**
 * ACDL contexts shaped as Adobe's storefront events SDK (1.18.0) types them, for a Luma store: a logged-in shopper
 * with a duffle bag (2 at 34.00) and a configurable hoodie (1 at 52.00, size XS, black) in the cart.
 */
public final class AcdlSamples {

    public static final String STOREFRONT = """
            {"environmentId": "09b4bd72-5d3a-4ae2-a0c0-4d8b1e0e9a58", "environment": "Production",
             "storeUrl": "https://shop.example.com/", "websiteId": 1, "websiteCode": "base", "storeId": 1,
             "storeCode": "main_website_store", "storeViewId": 1, "storeViewCode": "default",
             "websiteName": "Main Website", "storeName": "Main Website Store", "storeViewName": "Default Store View",
             "baseCurrencyCode": "USD", "storeViewCurrencyCode": "USD", "storefrontTemplate": "Luma"}""";

    public static final String PAGE = """
            {"pageType": "PDP", "pageName": "Joust Duffle Bag", "maxXOffset": 0, "maxYOffset": 0, "minXOffset": 0,
             "minYOffset": 0, "ping_interval": 5, "pings": 0}""";

    public static final String PRODUCT = """
            {"productId": 1, "name": "Joust Duffle Bag", "sku": "24-MB01", "topLevelSku": "24-MB01",
             "categories": ["Gear", "Bags"], "productType": "simple",
             "pricing": {"regularPrice": 34, "specialPrice": 29.99, "currencyCode": "USD"},
             "canonicalUrl": "https://shop.example.com/joust-duffle-bag.html",
             "mainImageUrl": "https://shop.example.com/media/catalog/product/m/b/mb01-blue-0.jpg"}""";

    public static final String BAG_ITEM = """
            {"canApplyMsrp": false, "formattedPrice": "$34.00", "id": "11", "quantity": 2,
             "prices": {"price": {"value": 34, "currency": "USD"}},
             "product": {"productId": 1, "name": "Joust Duffle Bag", "sku": "24-MB01",
                         "mainImageUrl": "https://shop.example.com/media/catalog/product/m/b/mb01-blue-0.jpg",
                         "pricing": {"regularPrice": 34, "currencyCode": "USD"}},
             "configurableOptions": []}""";

    public static final String HOODIE_ITEM = """
            {"canApplyMsrp": false, "formattedPrice": "$52.00", "id": "12", "quantity": 1,
             "prices": {"price": {"value": 52, "currency": "USD"}},
             "product": {"productId": 67, "name": "Chaz Kangeroo Hoodie", "sku": "MH01-XS-Black",
                         "topLevelSku": "MH01",
                         "mainImageUrl": "https://shop.example.com/media/catalog/product/m/h/mh01-black_main.jpg",
                         "pricing": {"regularPrice": 52, "currencyCode": "USD"}},
             "configurableOptions": [{"id": 93, "optionLabel": "Color", "valueId": 49, "valueLabel": "Black"},
                                     {"id": 144, "optionLabel": "Size", "valueId": 167, "valueLabel": "XS"}]}""";

    public static final String CART = """
            {"id": "sGfQ3aZkM5u2PmE0qL4xXn8bT1cVdR7w", "totalQuantity": 3, "discountAmount": 5,
             "prices": {"subtotalExcludingTax": {"value": 120, "currency": "USD"},
                        "subtotalIncludingTax": {"value": 128.25, "currency": "USD"}},
             "possibleOnepageCheckout": true, "items": [%s, %s]}""".formatted(BAG_ITEM, HOODIE_ITEM);

    public static final String CHANGED_PRODUCTS = "{\"items\": [" + HOODIE_ITEM + "]}";

    public static final String ACCOUNT = """
            {"firstName": "Veronica", "lastName": "Costello", "emailAddress": "Roni_Cost@Example.com",
             "accountId": "1", "accountType": "customer", "customerGroup": "General"}""";

    public static final String SHOPPER = "{\"shopperId\": \"logged-in\"}";

    public static final String ORDER = """
            {"orderId": "000000123", "grandTotal": 125, "taxAmount": 8.25, "discountAmount": 5,
             "appliedCouponCode": "SUMMER5", "orderType": "checkout", "email": "roni_cost@example.com",
             "paymentMethodCode": "checkmo", "paymentMethodName": "Check / Money order",
             "payments": [{"paymentMethodCode": "checkmo", "paymentMethodName": "Check / Money order",
                           "total": 125, "orderId": "000000123"}],
             "shipping": {"shippingMethod": "flatrate_flatrate", "shippingAmount": 10},
             "subtotalExcludingTax": 120, "subtotalIncludingTax": 128.25, "salesTax": 8.25, "otherTax": 0}""";

    public static final String SEARCH_INPUT = """
            {"units": [{"searchUnitId": "livesearch-plp", "searchRequestId": "d3a1f6b0-req", "queryTypes": ["products"],
                        "phrase": "duffle bag", "pageSize": 12, "currentPage": 1,
                        "filter": [{"attribute": "price", "range": {"from": 20, "to": 60}},
                                   {"attribute": "color", "in": ["Black", "Blue"]}],
                        "sort": [{"attribute": "price", "direction": "ASC"}]}]}""";

    public static final String SEARCH_RESULTS = """
            {"units": [{"searchUnitId": "livesearch-plp", "searchRequestId": "d3a1f6b0-req", "page": 1,
                        "perPage": 12, "facets": [],
                        "products": [{"name": "Joust Duffle Bag", "sku": "24-MB01", "rank": 1, "price": 34,
                                      "url": "https://shop.example.com/joust-duffle-bag.html",
                                      "imageUrl": "https://shop.example.com/media/mb01.jpg"},
                                     {"name": "Wayfarer Messenger Bag", "sku": "24-MB05", "rank": 2, "price": 45,
                                      "url": "https://shop.example.com/wayfarer-messenger-bag.html",
                                      "imageUrl": "https://shop.example.com/media/mb05.jpg"}],
                        "categories": [{"name": "Bags", "url": "https://shop.example.com/gear/bags.html", "rank": 1}],
                        "suggestions": [{"suggestion": "duffle bag black", "rank": 1},
                                        {"suggestion": "duffle bags", "rank": 2}]}]}""";

    public static final String REQUISITION_LIST = """
            {"id": 3, "name": "Office supplies", "description": "Monthly order"}""";

    public static final String REQUISITION_LIST_ITEMS = """
            {"items": [{"productId": 1, "name": "Joust Duffle Bag", "sku": "24-MB01", "quantity": 3,
                        "pricing": {"regularPrice": 34.333, "currencyCode": "USD"},
                        "selectedOptions": [{"attribute": "Color", "value": "Blue"}]}]}""";

    private AcdlSamples() {
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) Xdm.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad sample JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An eventInfo from context name / JSON text pairs. */
    public static ObjectNode eventInfo(String... contextsAndJson) {
        ObjectNode eventInfo = Xdm.JSON.createObjectNode();
        for (int i = 0; i < contextsAndJson.length; i += 2) {
            JsonNode value;
            try {
                value = Xdm.JSON.readTree(contextsAndJson[i + 1]);
            } catch (JsonProcessingException e) {
                throw new AssertionError("bad sample JSON for " + contextsAndJson[i] + ": " + e.getOriginalMessage(), e);
            }
            eventInfo.set(contextsAndJson[i], value);
        }
        return eventInfo;
    }

    /** The full ACDL state of a logged-in shopper on a product page, as the SDK publishes it with every event. */
    public static ObjectNode fullState() {
        return eventInfo("storefrontInstanceContext", STOREFRONT, "pageContext", PAGE, "productContext", PRODUCT,
                "shoppingCartContext", CART, "changedProductsContext", CHANGED_PRODUCTS, "accountContext", ACCOUNT,
                "shopperContext", SHOPPER, "orderContext", ORDER, "searchInputContext", SEARCH_INPUT,
                "searchResultsContext", SEARCH_RESULTS, "requisitionListContext", REQUISITION_LIST,
                "requisitionListItemsContext", REQUISITION_LIST_ITEMS);
    }
}

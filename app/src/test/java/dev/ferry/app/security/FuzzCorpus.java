package dev.ferry.app.security;

import java.util.List;

/** Valid request bodies for each endpoint that reads one; the fuzzer mutates them. */
final class FuzzCorpus {

    static final List<String> STOREFRONT_EVENTS = List.of("""
            [{"event": "page-view", "timestamp": "2026-11-01T09:59:58.120Z",
              "eventInfo": {"storefrontInstanceContext": {"environmentId": "env-1", "websiteCode": "base",
                              "storeCode": "main", "storeViewCode": "default", "storeViewCurrencyCode": "USD"},
                            "pageContext": {"pageType": "CMS", "pageName": "Home"},
                            "debugContext": {"eventId": "fuzz-page-view"}},
              "context": {"url": "https://shop.example.com/", "referrer": "https://www.google.com/",
                          "screenWidth": 1920, "screenHeight": 1080, "viewportWidth": 1280, "viewportHeight": 720,
                          "timezoneOffset": -60, "timezone": "Europe/Berlin"}},
             {"event": "product-page-view", "timestamp": 1793527198120,
              "eventInfo": {"storefrontInstanceContext": {"storeViewCurrencyCode": "USD"},
                            "productContext": {"productId": 14, "name": "Joust Duffle Bag", "sku": "24-MB01",
                                               "pricing": {"regularPrice": 34, "currencyCode": "USD"}}}}]
            """, """
            {"events": [{"event": "sign-in",
              "eventInfo": {"storefrontInstanceContext": {"storeViewCurrencyCode": "USD"},
                            "accountContext": {"accountId": "42", "emailAddress": "fuzz.shopper@example.com"}}},
             {"event": "add-to-cart",
              "eventInfo": {"storefrontInstanceContext": {"storeViewCurrencyCode": "USD"},
                            "shoppingCartContext": {"id": "cart-7", "totalQuantity": 2,
                                                    "prices": {"subtotalExcludingTax": {"value": 68, "currency": "USD"}},
                                                    "items": [{"product": {"sku": "24-MB01", "name": "Joust Duffle Bag"},
                                                               "quantity": 2, "prices": {"price": {"value": 34, "currency": "USD"}}}]},
                            "changedProductsContext": {"items": [{"product": {"sku": "24-MB01"}, "quantity": 1}]}}}],
             "consent": "in"}
            """, """
            [{"event": "place-order",
              "eventInfo": {"storefrontInstanceContext": {"storeViewCurrencyCode": "USD"},
                            "orderContext": {"orderId": "fuzz-order-1", "grandTotal": 120.5, "taxAmount": 8.25,
                                             "discountAmount": 0, "orderType": "checkout",
                                             "payments": [{"paymentMethodCode": "checkmo", "total": 120.5}]}}}]
            """);

    static final List<String> DESTINATION_PUSHES = List.of("""
            {"identityMap": {"ecid": [{"id": "45181234567890123456789012345678901234"}],
                             "email_lc_sha256": [{"id": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
                             "commercecustomerid": [{"id": "1"}]},
             "segmentMembership": {"ups": {"vip-shoppers": {"status": "realized", "lastQualificationTime": "2026-11-01T12:00:00Z"},
                                           "cart-abandoners": {"status": "exited", "lastQualificationTime": "2026-11-01T12:10:00Z"}}}}
            """, """
            [{"identityMap": {"fpid": [{"id": "4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f"}], "email": [{"id": "Pushed@Example.com"}]},
              "segmentMembership": {"ups": {"frequent-browsers": {"status": "existing", "lastQualificationTime": "2026-11-01T12:00:00+01:00"}}}},
             {"identityMap": {"commercecustomerid": [{"id": "2"}]}, "segmentMembership": {}}]
            """);

    static final List<String> GRAPHQL = List.of("""
            {"query": "{ customerCart { id } }"}
            """, """
            {"query": "query Cart($id: String!) { cart(cart_id: $id) { items { quantity } } }",
             "variables": {"id": "cart-7"}, "operationName": "Cart"}
            """);

    static final List<String> DLQ_REPLAY = List.of("{\"ids\": [1, 2, 3]}", "{\"all\": true}");

    static final List<String> DLQ_PURGE = List.of("{\"olderThan\": \"30d\"}", "{\"olderThan\": \"12h\"}");

    private FuzzCorpus() {
    }
}

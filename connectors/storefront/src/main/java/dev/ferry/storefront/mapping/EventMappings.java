package dev.ferry.storefront.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ACDL events that Adobe's storefront event collector sends to Experience Platform, each with its mapping. The
 * storefront events SDK publishes further events (recommendations, search clicks, page activity, ...) that the
 * collector sends only to Adobe Commerce's own analytics (Adobe Sensei), never to Experience Platform.
 */
public final class EventMappings {

    /** SDK events the collector does not send to Experience Platform. */
    public static final Set<String> NOT_SENT_TO_AEP = Set.of(
            "recs-item-click", "recs-item-add-to-cart-click", "recs-api-request-sent", "recs-api-response-received",
            "recs-unit-impression-render", "recs-unit-view", "search-category-click", "search-product-click",
            "search-results-view", "category-results-view", "search-suggestion-click", "page-activity-summary",
            "update-cart", "custom-url", "referrer-url", "adobeDataLayer:change", "adobeDataLayer:event");

    private static final Map<String, EventMapping> MAPPINGS = index(List.of(
            new PageViewMapping(),
            new ProductViewMapping(),
            CartMapping.addToCart(),
            CartMapping.openCart(),
            CartMapping.removeFromCart(),
            CartMapping.shoppingCartView(),
            CartMapping.initiateCheckout(),
            new OrderMapping(),
            AccountMapping.signIn(),
            AccountMapping.signOut(),
            AccountMapping.createAccount(),
            AccountMapping.editAccount(),
            SearchMapping.requestSent(),
            SearchMapping.responseReceived(),
            RequisitionListMapping.create(),
            RequisitionListMapping.add(),
            RequisitionListMapping.remove(),
            RequisitionListMapping.delete(),
            new CustomMapping()));

    private EventMappings() {
    }

    public static Optional<EventMapping> forEvent(String eventName) {
        return Optional.ofNullable(MAPPINGS.get(eventName));
    }

    /** Every mapped ACDL event name, in the order of the docs. */
    public static List<String> eventNames() {
        return List.copyOf(MAPPINGS.keySet());
    }

    private static Map<String, EventMapping> index(List<EventMapping> mappings) {
        Map<String, EventMapping> byName = new LinkedHashMap<>();
        mappings.forEach(mapping -> byName.put(mapping.eventName(), mapping));
        return byName;
    }
}

package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The search family, for the search unit the event names ({@code eventInfo.searchUnitId}).
 * {@code search-request-sent} becomes {@code searchRequest}: the phrase of the first search input unit as
 * {@code siteSearch.query}, the unit's sort as {@code siteSearch.sort}, its request id as {@code searchRequest.id}.
 * {@code search-response-received} becomes {@code searchResponse}: the unit's suggestions, its product count as
 * {@code numberOfResults} and its products as {@code productListItems} (SKU, name, image).
 * The collector also sends {@code siteSearch.refinements}, which the Commerce ExperienceEvent schema does not have;
 * Ferry leaves it out.
 */
public final class SearchMapping implements EventMapping {

    private final boolean request;

    private SearchMapping(boolean request) {
        this.request = request;
    }

    public static SearchMapping requestSent() {
        return new SearchMapping(true);
    }

    public static SearchMapping responseReceived() {
        return new SearchMapping(false);
    }

    @Override
    public String eventName() {
        return request ? "search-request-sent" : "search-response-received";
    }

    @Override
    public String eventType() {
        return request ? "searchRequest" : "searchResponse";
    }

    @Override
    public List<String> requiredContexts() {
        return request ? List.of(Contexts.STOREFRONT_INSTANCE, Contexts.SEARCH_INPUT)
                : List.of(Contexts.STOREFRONT_INSTANCE);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        JsonNode unitId = eventInfo.path("searchUnitId");
        if (request) {
            mapRequest(xdm, eventInfo.path(Contexts.SEARCH_INPUT), unitId);
        } else {
            mapResponse(xdm, eventInfo.path(Contexts.SEARCH_RESULTS), unitId);
        }
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }

    private static void mapRequest(ObjectNode xdm, JsonNode input, JsonNode unitId) {
        JsonNode units = input.path("units");
        if (!units.isArray() || units.isEmpty() || !units.get(0).isObject()) {
            throw new MappingException("searchInputContext has no search unit");
        }
        JsonNode unit = unit(units, unitId);
        ArrayNode sort = Js.NODES.arrayNode();
        if (unit != null) {
            for (JsonNode order : unit.path("sort")) {
                ObjectNode xdmSort = sort.addObject();
                Js.put(xdmSort, "attribute", order.path("attribute"));
                Js.put(xdmSort, "order", order.path("direction"));
            }
        }
        ObjectNode siteSearch = xdm.putObject("siteSearch");
        Js.put(siteSearch, "query", units.get(0).path("phrase"));
        siteSearch.set("sort", sort);
        ObjectNode measure = Js.measure();
        if (unit != null) {
            Js.put(measure, "id", unit.path("searchRequestId"));
        }
        xdm.set("searchRequest", measure);
    }

    private static void mapResponse(ObjectNode xdm, JsonNode results, JsonNode unitId) {
        JsonNode unit = results.isObject() ? unit(results.path("units"), unitId) : null;
        ArrayNode suggestions = Js.NODES.arrayNode();
        ArrayNode products = Js.NODES.arrayNode();
        ObjectNode siteSearch = xdm.putObject("siteSearch");
        siteSearch.set("suggestions", suggestions);
        if (unit != null) {
            for (JsonNode suggestion : unit.path("suggestions")) {
                JsonNode text = suggestion.path("suggestion");
                if (text.isValueNode() && !text.isNull()) {
                    suggestions.add(text);
                }
            }
            for (JsonNode product : unit.path("products")) {
                ObjectNode item = products.addObject();
                Js.put(item, "SKU", product.path("sku"));
                Js.put(item, "name", product.path("name"));
                Js.put(item, "productImageUrl", product.path("imageUrl"));
            }
            if (unit.path("products").isArray()) {
                siteSearch.put("numberOfResults", unit.path("products").size());
            }
        }
        xdm.set("productListItems", products);
        ObjectNode measure = Js.measure();
        if (unit != null) {
            Js.put(measure, "id", unit.path("searchRequestId"));
        }
        xdm.set("searchResponse", measure);
    }

    /** The unit of a search context with the event's search unit id, or null. */
    private static JsonNode unit(JsonNode units, JsonNode unitId) {
        if (units.isArray()) {
            for (JsonNode unit : units) {
                if (unit.path("searchUnitId").equals(unitId)) {
                    return unit;
                }
            }
        }
        return null;
    }
}

package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code product-page-view} to {@code commerce.productViews}: one product list item from the product context (the
 * custom context's first item first). Its {@code priceTotal} is the unit price, the special price when there is
 * one, not rounded; its discount is regular minus special price.
 */
public final class ProductViewMapping implements EventMapping {

    @Override
    public String eventName() {
        return "product-page-view";
    }

    @Override
    public String eventType() {
        return "commerce.productViews";
    }

    @Override
    public List<String> requiredContexts() {
        return List.of(Contexts.STOREFRONT_INSTANCE, Contexts.PRODUCT);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        JsonNode product = eventInfo.path(Contexts.PRODUCT);
        JsonNode storefront = eventInfo.path(Contexts.STOREFRONT_INSTANCE);
        JsonNode customItems = xdm.path("productListItems");
        if (!customItems.isMissingNode() && !customItems.isNull() && !customItems.isArray()) {
            throw new MappingException("customContext.productListItems must be an array");
        }
        ObjectNode item = customItems.size() > 0 && customItems.get(0) instanceof ObjectNode first
                ? first : Js.NODES.objectNode();
        JsonNode pricing = product.path("pricing");
        Js.setOr(item, "SKU", product.path("sku"));
        Js.setOr(item, "name", product.path("name"));
        Js.setOr(item, "productImageUrl", product.path("mainImageUrl"));
        Js.setOr(item, "priceTotal", Js.coalesce(pricing.path("specialPrice"), pricing.path("regularPrice")));
        Js.setOr(item, "currencyCode", Js.coalesce(pricing.path("currencyCode"), storefront.path("storeViewCurrencyCode")));
        Js.setOr(item, "discountAmount", ProductListItems.discount(product));
        xdm.putArray("productListItems").add(item);
        Js.object(xdm, "commerce", "commerce").set("productViews", Js.measure());
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }
}

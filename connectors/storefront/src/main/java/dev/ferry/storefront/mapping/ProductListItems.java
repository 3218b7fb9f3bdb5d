package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code productListItems} as the collector builds them for cart, checkout, order and requisition-list events: one
 * item per product of the context (the custom context's item with the same SKU first, then the context's values
 * for what it leaves empty). Custom items whose SKU is not in the context are not sent, as in the collector.
 */
public final class ProductListItems {

    private ProductListItems() {
    }

    /**
     * Items from a cart-shaped context ({@code shoppingCartContext} or {@code changedProductsContext}: items with
     * {@code product}, {@code prices.price}, {@code quantity}, {@code configurableOptions}).
     */
    public static ArrayNode fromCart(JsonNode customItems, JsonNode cart, String cartName, JsonNode storefront) {
        Map<JsonNode, ObjectNode> custom = bySku(customItems);
        ArrayNode items = Js.NODES.arrayNode();
        JsonNode cartItems = cart.path("items");
        if (!Js.truthy(cartItems)) {
            return items;
        }
        if (!cartItems.isArray()) {
            throw new MappingException(cartName + ".items must be an array");
        }
        for (int i = 0; i < cartItems.size(); i++) {
            JsonNode item = cartItems.get(i);
            JsonNode product = item.path("product");
            if (!item.isObject() || !product.isObject()) {
                throw new MappingException(cartName + ".items[" + i + "] has no product");
            }
            ArrayNode options = Js.NODES.arrayNode();
            for (JsonNode option : item.path("configurableOptions")) {
                options.addObject()
                        .put("attribute", Js.string(option.path("optionLabel")))
                        .put("value", Js.string(option.path("valueLabel")));
            }
            ObjectNode xdm = custom.getOrDefault(product.path("sku"), Js.NODES.objectNode());
            Js.put(xdm, "SKU", product.path("sku"));
            Js.setOr(xdm, "name", product.path("name"));
            Js.setOr(xdm, "quantity", item.path("quantity"));
            double total = Js.toFixed2(Js.number(item.path("prices").path("price").path("value"))
                    * Js.number(item.path("quantity")));
            Js.setOr(xdm, "priceTotal", Js.or(Js.numberNode(total), Js.numberNode(0)));
            Js.setOr(xdm, "productImageUrl", product.path("mainImageUrl"));
            Js.setOr(xdm, "currencyCode", Js.coalesce(item.path("prices").path("price").path("currency"),
                    storefront.path("storeViewCurrencyCode")));
            Js.setOr(xdm, "discountAmount", Js.or(item.path("discountAmount"), discount(product)));
            Js.setOr(xdm, "selectedOptions", options);
            items.add(xdm);
        }
        return items;
    }

    /**
     * Items from a requisition-list-shaped context ({@code requisitionListItemsContext} or
     * {@code orderPageContext}: products with {@code sku}, {@code pricing}, {@code quantity}, {@code selectedOptions}).
     */
    public static ArrayNode fromProducts(JsonNode customItems, JsonNode products, String contextName, JsonNode storefront) {
        Map<JsonNode, ObjectNode> custom = bySku(customItems);
        ArrayNode items = Js.NODES.arrayNode();
        JsonNode listed = products.path("items");
        if (listed.isMissingNode() || listed.isNull()) {
            return items;
        }
        if (!listed.isArray()) {
            throw new MappingException(contextName + ".items must be an array");
        }
        for (int i = 0; i < listed.size(); i++) {
            JsonNode product = listed.get(i);
            if (!product.isObject()) {
                throw new MappingException(contextName + ".items[" + i + "] is not a product");
            }
            ObjectNode xdm = custom.getOrDefault(product.path("sku"), Js.NODES.objectNode());
            Js.put(xdm, "SKU", product.path("sku"));
            Js.setOr(xdm, "name", product.path("name"));
            double quantity = Js.number(product.path("quantity"));
            Js.setOr(xdm, "quantity", Js.numberNode(quantity));
            double regular = Js.number(product.path("pricing").path("regularPrice"));
            double total = Js.toFixed2((Js.truthy(Js.numberNode(regular)) ? regular : 0) * quantity);
            Js.setOr(xdm, "priceTotal", Js.numberNode(total));
            Js.setOr(xdm, "currencyCode", Js.coalesce(product.path("pricing").path("currencyCode"),
                    storefront.path("storeViewCurrencyCode")));
            Js.setOr(xdm, "selectedOptions", product.path("selectedOptions"));
            items.add(xdm);
        }
        return items;
    }

    /** The collector's product discount: regular price minus special price, 0 without pricing. */
    public static JsonNode discount(JsonNode product) {
        JsonNode pricing = product.path("pricing");
        if (!Js.truthy(pricing)) {
            return Js.numberNode(0);
        }
        JsonNode regular = pricing.path("regularPrice");
        double difference = Js.number(regular) - Js.number(Js.coalesce(pricing.path("specialPrice"), regular));
        return Js.or(Js.numberNode(difference), Js.numberNode(0));
    }

    /** The custom context's items by SKU, the collector's {@code Map} of {@code productListItems}. */
    static Map<JsonNode, ObjectNode> bySku(JsonNode customItems) {
        Map<JsonNode, ObjectNode> bySku = new HashMap<>();
        if (customItems == null || customItems.isMissingNode() || customItems.isNull()) {
            return bySku;
        }
        if (!customItems.isArray()) {
            throw new MappingException("customContext.productListItems must be an array");
        }
        for (JsonNode item : customItems) {
            if (item instanceof ObjectNode object) {
                bySku.put(object.path("SKU"), object);
            }
        }
        return bySku;
    }
}

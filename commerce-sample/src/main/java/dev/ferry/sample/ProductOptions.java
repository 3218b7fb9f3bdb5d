package dev.ferry.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sales_order_item.product_options as Magento 2.2+ serializes it (JSON): the buy request the add-to-cart form
 * posted, and for a configurable product the options that picked the variant.
 */
final class ProductOptions {

    private ProductOptions() {
    }

    /** Options of the item that carries the price: a simple product, or a configurable product's parent item. */
    static String ofPricedItem(Product product, int qty) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("info_buyRequest", buyRequest(product, qty));
        if (product.isVariant()) {
            options.put("attributes_info", List.of(attributeInfo(product.color()), attributeInfo(product.size())));
            options.put("simple_name", product.name());
            options.put("simple_sku", product.sku());
            options.put("product_calculations", 1);
            options.put("shipment_type", 0);
        }
        return Json.write(options);
    }

    /** Options of the variant's own item under a configurable parent item: the buy request only. */
    static String ofVariantItem(Product variant, int qty) {
        return Json.write(Map.of("info_buyRequest", buyRequest(variant, qty)));
    }

    private static Map<String, Object> buyRequest(Product product, int qty) {
        Map<String, Object> request = new LinkedHashMap<>();
        long productId = product.isVariant() ? product.parent().id() : product.id();
        request.put("product", String.valueOf(productId));
        request.put("item", String.valueOf(productId));
        if (product.isVariant()) {
            request.put("selected_configurable_option", String.valueOf(product.id()));
            Map<String, Object> superAttribute = new LinkedHashMap<>();
            for (Product.Option option : List.of(product.color(), product.size())) {
                superAttribute.put(String.valueOf(option.attributeId()), String.valueOf(option.optionId()));
            }
            request.put("super_attribute", superAttribute);
        }
        request.put("qty", String.valueOf(qty));
        return request;
    }

    private static Map<String, Object> attributeInfo(Product.Option option) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("label", option.attributeLabel());
        info.put("value", option.label());
        info.put("option_id", option.attributeId());
        info.put("option_value", String.valueOf(option.optionId()));
        return info;
    }
}

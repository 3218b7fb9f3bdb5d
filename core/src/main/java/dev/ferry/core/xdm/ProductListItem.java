package dev.ferry.core.xdm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One entry of productListItems, in the fields Adobe's commerce collectors fill. */
public record ProductListItem(String SKU, String name, Integer quantity, Double priceTotal, String currencyCode,
                              Double discountAmount, String productImageUrl, List<SelectedOption> selectedOptions) {

    /** As JSON, built directly (the component order, nulls left out), which is several times cheaper than databind. */
    public ObjectNode toXdm() {
        ObjectNode node = Xdm.JSON.createObjectNode();
        XdmNodes.put(node, "SKU", SKU);
        XdmNodes.put(node, "name", name);
        if (quantity != null) {
            node.put("quantity", quantity.intValue());
        }
        XdmNodes.put(node, "priceTotal", priceTotal);
        XdmNodes.put(node, "currencyCode", currencyCode);
        XdmNodes.put(node, "discountAmount", discountAmount);
        XdmNodes.put(node, "productImageUrl", productImageUrl);
        if (selectedOptions != null) {
            ArrayNode array = node.putArray("selectedOptions");
            for (SelectedOption option : selectedOptions) {
                ObjectNode chosen = array.addObject();
                XdmNodes.put(chosen, "attribute", option.attribute());
                XdmNodes.put(chosen, "value", option.value());
            }
        }
        return node;
    }

    /** A configurable product's chosen option, e.g. Color: Red. */
    public record SelectedOption(String attribute, String value) {
    }
}

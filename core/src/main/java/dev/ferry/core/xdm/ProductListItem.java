package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** One entry of productListItems, in the fields Adobe's commerce collectors fill. */
public record ProductListItem(String SKU, String name, Integer quantity, Double priceTotal, String currencyCode,
                              Double discountAmount, String productImageUrl, List<SelectedOption> selectedOptions) {

    /** As JSON: the components in order, nulls left out, as Xdm's mapper writes the record. */
    public void writeTo(JsonGenerator out) throws IOException {
        out.writeStartObject();
        XdmNodes.write(out, "SKU", SKU);
        XdmNodes.write(out, "name", name);
        if (quantity != null) {
            out.writeNumberField("quantity", quantity.intValue());
        }
        XdmNodes.write(out, "priceTotal", priceTotal);
        XdmNodes.write(out, "currencyCode", currencyCode);
        XdmNodes.write(out, "discountAmount", discountAmount);
        XdmNodes.write(out, "productImageUrl", productImageUrl);
        if (selectedOptions != null) {
            out.writeArrayFieldStart("selectedOptions");
            for (SelectedOption option : selectedOptions) {
                out.writeStartObject();
                XdmNodes.write(out, "attribute", option.attribute());
                XdmNodes.write(out, "value", option.value());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    public ObjectNode toXdm() {
        return XdmNodes.tree(this::writeTo);
    }

    /** A configurable product's chosen option, e.g. Color: Red. */
    public record SelectedOption(String attribute, String value) {
    }
}

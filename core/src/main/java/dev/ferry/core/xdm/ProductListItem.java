package dev.ferry.core.xdm;

import java.util.List;

/** One entry of productListItems, in the fields Adobe's commerce collectors fill. */
public record ProductListItem(String SKU, String name, Integer quantity, Double priceTotal, String currencyCode,
                              Double discountAmount, String productImageUrl, List<SelectedOption> selectedOptions) {

    /** A configurable product's chosen option, e.g. Color: Red. */
    public record SelectedOption(String attribute, String value) {
    }
}

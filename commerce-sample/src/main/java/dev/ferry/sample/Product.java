package dev.ferry.sample;

import java.math.BigDecimal;

/**
 * A product of the sample catalog. A configurable product's variants are simple products with a parent and the
 * color and size that pick them; only standalone simples and variants go into carts.
 */
record Product(
        long id,
        String typeId,
        String sku,
        String name,
        BigDecimal price,
        BigDecimal weight,
        Product parent,
        Option color,
        Option size) {

    /** Magento's attribute ids of color and size, and the option id and label of one value. */
    record Option(int attributeId, String attributeLabel, int optionId, String label) {
    }

    boolean isVariant() {
        return parent != null;
    }
}

package dev.ferry.sample;

import java.math.BigDecimal;

/**
 * Magento's offline carriers as a default install configures them: flat rate per item, a table rate per order, and
 * free shipping from a subtotal of 100 in the base currency.
 */
enum ShippingMethod {
    FLAT_RATE("flatrate_flatrate", "Flat Rate - Fixed", new BigDecimal("5.00"), true),
    TABLE_RATE("tablerate_bestway", "Best Way - Table Rate", new BigDecimal("9.95"), false),
    FREE("freeshipping_freeshipping", "Free Shipping - Free", BigDecimal.ZERO, false);

    private static final BigDecimal FREE_FROM = new BigDecimal("100.00");

    private final String code;
    private final String description;
    private final BigDecimal baseRate;
    private final boolean perItem;

    ShippingMethod(String code, String description, BigDecimal baseRate, boolean perItem) {
        this.code = code;
        this.description = description;
        this.baseRate = baseRate;
        this.perItem = perItem;
    }

    /** Free shipping when the discounted base subtotal reaches the threshold, the preferred carrier otherwise. */
    static ShippingMethod forCart(ShippingMethod preferred, BigDecimal discountedBaseSubtotal) {
        return discountedBaseSubtotal.compareTo(FREE_FROM) >= 0 ? FREE : preferred;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    BigDecimal baseAmount(BigDecimal itemQty) {
        return perItem ? Money.cents(baseRate.multiply(itemQty)) : baseRate;
    }
}

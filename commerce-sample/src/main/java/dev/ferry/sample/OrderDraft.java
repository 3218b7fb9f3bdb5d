package dev.ferry.sample;

import java.util.List;

/**
 * A cart at the moment its shopper places it: the store view, the customer (null for a guest), the contact e-mail,
 * the address used for billing and shipping, the lines, an optional coupon, and how it is paid and shipped.
 */
record OrderDraft(
        StoreView store,
        Customer customer,
        String email,
        PostalAddress address,
        List<Line> lines,
        Coupon coupon,
        PaymentMethod payment,
        ShippingMethod preferredShipping,
        CheckoutTraces traces) {

    /** A product (a standalone simple or a variant of a configurable one) and how many units. */
    record Line(Product product, int qty) {
    }
}

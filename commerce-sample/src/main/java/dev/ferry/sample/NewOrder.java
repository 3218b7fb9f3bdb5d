package dev.ferry.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * An order for {@link CommerceSampleData#placeOrder}: a guest's e-mail or a registered customer's entity_id, and
 * optionally the store view (default: the customer's, or "default"), the items by SKU of the sample catalog
 * (default: one "FY-BTL-01"), a coupon code and the payment method (default: check / money order).
 * Items are simple SKUs or variant SKUs such as "FY-TEE-M-Blue", which become a configurable item.
 */
public record NewOrder(Long customerId, String guestEmail, String storeCode, List<Item> items, String couponCode,
        PaymentMethod payment) {

    public record Item(String sku, int qty) {
    }

    public NewOrder {
        if ((customerId == null) == (guestEmail == null)) {
            throw new IllegalArgumentException("An order is placed either by a guest or by a customer");
        }
        items = List.copyOf(items);
        if (payment == null) {
            throw new IllegalArgumentException("An order needs a payment method");
        }
    }

    public static NewOrder byGuest(String email) {
        return new NewOrder(null, email, null, List.of(), null, PaymentMethod.CHECKMO);
    }

    public static NewOrder byCustomer(long customerId) {
        return new NewOrder(customerId, null, null, List.of(), null, PaymentMethod.CHECKMO);
    }

    public NewOrder inStore(String code) {
        return new NewOrder(customerId, guestEmail, code, items, couponCode, payment);
    }

    public NewOrder withItem(String sku, int qty) {
        List<Item> more = new ArrayList<>(items);
        more.add(new Item(sku, qty));
        return new NewOrder(customerId, guestEmail, storeCode, more, couponCode, payment);
    }

    public NewOrder withCoupon(String code) {
        return new NewOrder(customerId, guestEmail, storeCode, items, code, payment);
    }

    public NewOrder paidWith(PaymentMethod method) {
        return new NewOrder(customerId, guestEmail, storeCode, items, couponCode, method);
    }
}

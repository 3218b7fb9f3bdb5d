package dev.ferry.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the sample's carts: 30% guests, one to four lines of which about a third are variants of configurable
 * products, a coupon on one cart in five, cards on 60%, flat rate shipping preferred by 70%.
 */
final class SampleCarts {

    private final Stores stores;
    private final List<Customer> customers;
    private final GuestShoppers guests;
    private final Catalog catalog = Catalog.sample();

    SampleCarts(Stores stores, List<Customer> customers, GuestShoppers guests) {
        this.stores = stores;
        this.customers = customers;
        this.guests = guests;
    }

    OrderDraft next(SplittableRandom random, LocalDateTime at) {
        StoreView store;
        Customer customer = null;
        String email;
        PostalAddress address;
        if (customers.isEmpty() || random.nextInt(100) < 30) {
            GuestShoppers.Guest guest = guests.pick(random);
            store = guest.store();
            email = guest.email();
            address = guest.address();
        } else {
            customer = customers.get(random.nextInt(customers.size()));
            store = stores.byId(customer.storeId()).orElseThrow();
            email = customer.email();
            address = customer.address();
        }
        Coupon coupon = random.nextInt(100) < 20 ? Coupon.SAMPLE.get(random.nextInt(Coupon.SAMPLE.size())) : null;
        PaymentMethod payment = random.nextInt(100) < 60 ? PaymentMethod.CARD : PaymentMethod.CHECKMO;
        ShippingMethod shipping = random.nextInt(100) < 70 ? ShippingMethod.FLAT_RATE : ShippingMethod.TABLE_RATE;
        return new OrderDraft(store, customer, email, address, lines(random), coupon, payment, shipping,
                CheckoutTraces.draw(random, at.getYear()));
    }

    private List<OrderDraft.Line> lines(SplittableRandom random) {
        int draw = random.nextInt(10);
        int count = draw < 4 ? 1 : draw < 7 ? 2 : draw < 9 ? 3 : 4;
        List<OrderDraft.Line> lines = new ArrayList<>(count);
        Set<Product> chosen = new HashSet<>();
        while (lines.size() < count) {
            List<Product> shelf = random.nextInt(100) < 35 ? catalog.variants() : catalog.standaloneSimples();
            Product product = shelf.get(random.nextInt(shelf.size()));
            if (chosen.add(product)) {
                int qtyDraw = random.nextInt(10);
                lines.add(new OrderDraft.Line(product, qtyDraw < 7 ? 1 : qtyDraw < 9 ? 2 : 3));
            }
        }
        return lines;
    }
}

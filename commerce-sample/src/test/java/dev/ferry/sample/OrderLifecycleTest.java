package dev.ferry.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Business changes on an order in memory, checked against Magento's totals and states. */
class OrderLifecycleTest {

    private static final LocalDateTime PLACED = LocalDateTime.of(2025, 3, 1, 10, 0);

    private final SequentialKeys keys = new SequentialKeys();

    @Test
    void placesAConfigurableAndASimpleItemWithCouponInEuros() {
        SalesOrder order = place("fr", PaymentMethod.CHECKMO, "FY-TEE-M-Blue", 2, "FY-BTL-01", 1);
        Row head = order.order();

        assertThat(head.values()).containsEntry("state", "new").containsEntry("status", "pending")
                .containsEntry("increment_id", "2000000001").containsEntry("order_currency_code", "EUR")
                .containsEntry("base_currency_code", "USD").containsEntry("coupon_code", "WELCOME10")
                .containsEntry("customer_is_guest", 1).containsEntry("created_at", PLACED);
        assertThat(head.amount("grand_total")).isEqualByComparingTo(head.amount("subtotal")
                .add(head.amount("discount_amount")).add(head.amount("shipping_amount")).add(head.amount("tax_amount")));
        assertThat(head.amount("discount_amount")).isNegative();
        assertThat(head.amount("subtotal")).isEqualByComparingTo("80.96");
        assertThat(order.items()).hasSize(3);
        Row parent = order.items().get(0);
        Row child = order.items().get(1);
        assertThat(parent.values()).containsEntry("product_type", "configurable").containsEntry("sku", "FY-TEE-M-Blue")
                .containsEntry("name", "Aurora Running Tee");
        assertThat(parent.string("product_options")).contains("\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"")
                .contains("\"simple_sku\":\"FY-TEE-M-Blue\"");
        assertThat(child.longValue("parent_item_id")).isEqualTo(parent.id());
        assertThat(child.amount("price")).isZero();
        assertThat(child.amount("qty_ordered")).isEqualByComparingTo("2");
    }

    @Test
    void invoicesShipsAndRefundsPartlyThenFully() {
        SalesOrder order = place("default", PaymentMethod.CHECKMO, "FY-TEE-M-Blue", 2, "FY-BTL-01", 1);
        Row head = order.order();

        Row invoice = Invoicing.invoice(order, keys, PLACED.plusHours(5));
        assertThat(order.state()).isEqualTo("processing");
        assertThat(invoice.amount("grand_total")).isEqualByComparingTo(head.amount("grand_total"));
        assertThat(head.amount("total_paid")).isEqualByComparingTo(head.amount("grand_total"));

        Shipping.ship(order, keys, PLACED.plusDays(1), List.of(new Shipping.Track("ups", "1Z999AA10123456784")));
        assertThat(order.state()).isEqualTo("complete");
        assertThat(head.get("updated_at")).isEqualTo(PLACED.plusDays(1));
        assertThat(order.created(CommerceTable.SALES_SHIPMENT_ITEM)).isEqualTo(2);
        assertThat(order.items()).allSatisfy(item -> assertThat(item.amount("qty_shipped"))
                .isEqualByComparingTo(item.amount("qty_ordered")));

        Refunding.refundOneUnit(order, keys, PLACED.plusDays(3));
        assertThat(order.state()).isEqualTo("complete");
        assertThat(head.amount("total_refunded")).isPositive().isLessThan(head.amount("total_paid"));
        assertThat(head.get("updated_at")).isEqualTo(PLACED.plusDays(3));

        Refunding.refundAll(order, keys, PLACED.plusDays(4));
        assertThat(order.state()).isEqualTo("closed");
        assertThat(head.amount("total_refunded")).isEqualByComparingTo(head.amount("total_paid"));
        assertThat(head.amount("total_offline_refunded")).isEqualByComparingTo(head.amount("total_paid"));
        assertThat(order.created(CommerceTable.SALES_CREDITMEMO)).isEqualTo(2);
        assertThat(order.partialRefunds()).isEqualTo(1);
    }

    @Test
    void capturesACardWithATransactionAndAComment() {
        SalesOrder order = place("default", PaymentMethod.CARD, "FY-WCH-01", 1);

        Row invoice = Invoicing.invoice(order, keys, PLACED.plusSeconds(2));

        String transactionId = order.payment().string("last_trans_id");
        assertThat(transactionId).hasSize(8);
        assertThat(invoice.string("transaction_id")).isEqualTo(transactionId);
        assertThat(order.payment().amount("base_amount_paid_online")).isPositive();
        assertThat(order.rows()).filteredOn(row -> row.table() == CommerceTable.SALES_ORDER_STATUS_HISTORY)
                .singleElement()
                .satisfies(comment -> assertThat(comment.string("comment"))
                        .startsWith("Captured amount of $").endsWith("online. Transaction ID: \"" + transactionId + "\""));
    }

    @Test
    void cancelsOnlyWhatIsNotInvoiced() {
        SalesOrder pending = place("default", PaymentMethod.CHECKMO, "FY-BTL-01", 3);
        Cancelling.cancel(pending, PLACED.plusDays(2));
        assertThat(pending.state()).isEqualTo("canceled");
        assertThat(pending.order().amount("total_canceled")).isEqualByComparingTo(pending.order().amount("grand_total"));
        assertThat(pending.items().get(0).amount("qty_canceled")).isEqualByComparingTo("3");

        SalesOrder invoiced = place("default", PaymentMethod.CHECKMO, "FY-BTL-01", 1);
        Invoicing.invoice(invoiced, keys, PLACED.plusHours(1));
        assertThatThrownBy(() -> Cancelling.cancel(invoiced, PLACED.plusHours(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAPartialRefundOfTheLastUnit() {
        SalesOrder order = place("default", PaymentMethod.CHECKMO, "FY-BTL-01", 1);
        Invoicing.invoice(order, keys, PLACED.plusHours(1));

        assertThatThrownBy(() -> Refunding.refundOneUnit(order, keys, PLACED.plusHours(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shipsBeforeInvoicingLikeMagento() {
        SalesOrder order = place("default", PaymentMethod.CHECKMO, "FY-BTL-01", 1);

        Shipping.ship(order, keys, PLACED.plusHours(1), List.of());
        assertThat(order.state()).isEqualTo("processing");

        Invoicing.invoice(order, keys, PLACED.plusHours(2));
        assertThat(order.state()).isEqualTo("complete");
    }

    @Test
    void formatsIncrementIdsAsMagentosSequences() {
        assertThat(Keys.incrementId(1, 42)).isEqualTo("000000042");
        assertThat(Keys.incrementId(2, 42)).isEqualTo("2000000042");
    }

    private SalesOrder place(String storeCode, PaymentMethod payment, Object... skusAndQuantities) {
        StoreView store = Stores.all().byCode(storeCode).orElseThrow();
        List<OrderDraft.Line> lines = new ArrayList<>();
        for (int i = 0; i < skusAndQuantities.length; i += 2) {
            lines.add(new OrderDraft.Line(Catalog.sample().bySku((String) skusAndQuantities[i]).orElseThrow(),
                    (Integer) skusAndQuantities[i + 1]));
        }
        OrderDraft draft = new OrderDraft(store, null, "lea.martin@example.org",
                People.someone(new SplittableRandom(1), store.countryId()), lines,
                Coupon.byCode("WELCOME10").orElseThrow(), payment, ShippingMethod.FLAT_RATE,
                CheckoutTraces.draw(new SplittableRandom(2), 2025));
        return Checkout.place(draft, keys, PLACED);
    }
}

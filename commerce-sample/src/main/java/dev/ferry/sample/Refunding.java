package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Refunds an invoiced order with a credit memo (state 2, refunded), as Magento's admin does: online through the
 * gateway for a card, offline otherwise. A full refund returns everything left, shipping included, and closes the
 * order; a partial one returns one unit of the first item that has one left and leaves the state alone. Either way
 * the refunded totals change, so the order's updated_at moves.
 */
final class Refunding {

    /** Magento's Creditmemo::STATE_REFUNDED. */
    private static final int REFUNDED = 2;

    private Refunding() {
    }

    static Row refundAll(SalesOrder order, Keys keys, LocalDateTime at) {
        requireRefundable(order);
        Sums sums = new Sums();
        Row memo = Row.create(CommerceTable.SALES_CREDITMEMO, keys.nextId(CommerceTable.SALES_CREDITMEMO));
        for (Row item : order.items()) {
            BigDecimal qty = refundable(item);
            if (qty.signum() > 0) {
                refundItem(order, keys, memo, item, qty, left(item, "row_invoiced", "amount_refunded"),
                        left(item, "base_row_invoiced", "base_amount_refunded"),
                        left(item, "tax_invoiced", "tax_refunded"),
                        left(item, "base_tax_invoiced", "base_tax_refunded"),
                        left(item, "discount_invoiced", "discount_refunded"),
                        left(item, "base_discount_invoiced", "base_discount_refunded"), sums, at);
            }
        }
        Row head = order.order();
        sums.shipping = left(head, "shipping_invoiced", "shipping_refunded");
        sums.baseShipping = left(head, "base_shipping_invoiced", "base_shipping_refunded");
        return complete(order, keys, memo, sums, at);
    }

    /** Refunds one unit of the first visible item with a unit left, leaving more to refund afterwards. */
    static Row refundOneUnit(SalesOrder order, Keys keys, LocalDateTime at) {
        requireRefundable(order);
        BigDecimal unitsLeft = order.visibleItems().stream().map(Refunding::refundable)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (unitsLeft.compareTo(BigDecimal.ONE) <= 0) {
            throw new IllegalStateException("Order " + order.incrementId()
                    + " has one unit or none left to refund: a partial refund needs two");
        }
        Row item = order.visibleItems().stream().filter(i -> refundable(i).signum() > 0).findFirst().orElseThrow();
        BigDecimal one = BigDecimal.ONE;
        BigDecimal ordered = item.amount("qty_ordered");
        Sums sums = new Sums();
        Row memo = Row.create(CommerceTable.SALES_CREDITMEMO, keys.nextId(CommerceTable.SALES_CREDITMEMO));
        refundItem(order, keys, memo, item, one, item.amount("price"), item.amount("base_price"),
                Money.share(item.amount("tax_amount"), one, ordered),
                Money.share(item.amount("base_tax_amount"), one, ordered),
                Money.share(item.amount("discount_amount"), one, ordered),
                Money.share(item.amount("base_discount_amount"), one, ordered), sums, at);
        for (Row child : order.childrenOf(item)) {
            refundItem(order, keys, memo, child, one, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, sums, at);
        }
        order.countPartialRefund();
        return complete(order, keys, memo, sums, at);
    }

    static boolean canRefund(SalesOrder order) {
        String state = order.state();
        boolean open = state.equals(SalesOrder.PROCESSING) || state.equals(SalesOrder.COMPLETE);
        Row head = order.order();
        return open && head.amount("total_paid").subtract(head.amount("total_refunded")).signum() > 0;
    }

    private static void requireRefundable(SalesOrder order) {
        if (!canRefund(order)) {
            throw new IllegalStateException("Order " + order.incrementId() + " has nothing paid to refund");
        }
    }

    /** What a row has invoiced and not yet refunded, from a pair of its columns. */
    private static BigDecimal left(Row row, String invoiced, String refunded) {
        return row.amount(invoiced).subtract(row.amount(refunded));
    }

    private static BigDecimal refundable(Row item) {
        return item.amount("qty_invoiced").subtract(item.amount("qty_refunded"));
    }

    private static void refundItem(SalesOrder order, Keys keys, Row memo, Row item, BigDecimal qty, BigDecimal row,
            BigDecimal baseRow, BigDecimal tax, BigDecimal baseTax, BigDecimal discount, BigDecimal baseDiscount,
            Sums sums, LocalDateTime at) {
        order.add(Row.create(CommerceTable.SALES_CREDITMEMO_ITEM, keys.nextId(CommerceTable.SALES_CREDITMEMO_ITEM))
                .set("parent_id", memo.id())
                .set("order_item_id", item.id())
                .set("product_id", item.get("product_id"))
                .set("sku", item.get("sku"))
                .set("name", item.get("name"))
                .set("qty", qty)
                .set("price", item.amount("price"))
                .set("base_price", item.amount("base_price"))
                .set("row_total", row)
                .set("base_row_total", baseRow)
                .set("tax_amount", tax)
                .set("base_tax_amount", baseTax)
                .set("discount_amount", discount)
                .set("base_discount_amount", baseDiscount)
                .set("row_total_incl_tax", row.add(tax)));
        item.increase("qty_refunded", qty)
                .increase("amount_refunded", row)
                .increase("base_amount_refunded", baseRow)
                .increase("tax_refunded", tax)
                .increase("base_tax_refunded", baseTax)
                .increase("discount_refunded", discount)
                .increase("base_discount_refunded", baseDiscount)
                .set("updated_at", at);
        if (item.get("parent_item_id") == null) {
            sums.add(row, baseRow, tax, baseTax, discount, baseDiscount);
        }
    }

    private static Row complete(SalesOrder order, Keys keys, Row memo, Sums sums, LocalDateTime at) {
        Row head = order.order();
        BigDecimal total = sums.subtotal.subtract(sums.discount).add(sums.tax).add(sums.shipping);
        BigDecimal baseTotal = sums.baseSubtotal.subtract(sums.baseDiscount).add(sums.baseTax).add(sums.baseShipping);
        boolean online = order.isPaidByCard();
        String transactionId = online ? order.payment().string("last_trans_id") + "-refund" : null;
        memo.set("order_id", order.id())
                .set("store_id", order.storeId())
                .set("invoice_id", order.lastInvoiceId())
                .set("increment_id", keys.nextIncrementId(CommerceTable.SALES_CREDITMEMO, order.storeId()))
                .set("state", REFUNDED)
                .set("transaction_id", transactionId)
                .set("email_sent", 1)
                .set("send_email", 1)
                .set("billing_address_id", order.billingAddressId())
                .set("shipping_address_id", order.shippingAddressId())
                .set("subtotal", sums.subtotal)
                .set("base_subtotal", sums.baseSubtotal)
                .set("subtotal_incl_tax", sums.subtotal.add(sums.tax))
                .set("base_subtotal_incl_tax", sums.baseSubtotal.add(sums.baseTax))
                .set("discount_amount", sums.discount.negate())
                .set("base_discount_amount", sums.baseDiscount.negate())
                .set("tax_amount", sums.tax)
                .set("base_tax_amount", sums.baseTax)
                .set("shipping_amount", sums.shipping)
                .set("base_shipping_amount", sums.baseShipping)
                .set("shipping_incl_tax", sums.shipping)
                .set("base_shipping_incl_tax", sums.baseShipping)
                .set("shipping_tax_amount", BigDecimal.ZERO)
                .set("base_shipping_tax_amount", BigDecimal.ZERO)
                .set("adjustment", BigDecimal.ZERO)
                .set("base_adjustment", BigDecimal.ZERO)
                .set("adjustment_positive", BigDecimal.ZERO)
                .set("base_adjustment_positive", BigDecimal.ZERO)
                .set("adjustment_negative", BigDecimal.ZERO)
                .set("base_adjustment_negative", BigDecimal.ZERO)
                .set("grand_total", total)
                .set("base_grand_total", baseTotal)
                .set("created_at", at)
                .set("updated_at", at);
        for (String column : List.of("base_to_global_rate", "base_to_order_rate", "store_to_base_rate",
                "store_to_order_rate", "order_currency_code", "base_currency_code", "store_currency_code",
                "global_currency_code", "discount_description")) {
            memo.set(column, head.get(column));
        }
        order.add(memo);

        head.increase("subtotal_refunded", sums.subtotal)
                .increase("base_subtotal_refunded", sums.baseSubtotal)
                .increase("tax_refunded", sums.tax)
                .increase("base_tax_refunded", sums.baseTax)
                .increase("shipping_refunded", sums.shipping)
                .increase("base_shipping_refunded", sums.baseShipping)
                .increase("discount_refunded", sums.discount)
                .increase("base_discount_refunded", sums.baseDiscount)
                .increase("total_refunded", total)
                .increase("base_total_refunded", baseTotal)
                .increase(online ? "total_online_refunded" : "total_offline_refunded", total)
                .increase(online ? "base_total_online_refunded" : "base_total_offline_refunded", baseTotal)
                .set("updated_at", at);
        Row payment = order.payment();
        payment.increase("amount_refunded", total)
                .increase("base_amount_refunded", baseTotal)
                .increase("shipping_refunded", sums.shipping)
                .increase("base_shipping_refunded", sums.baseShipping);
        if (online) {
            payment.increase("base_amount_refunded_online", baseTotal);
        }
        if (head.amount("total_refunded").compareTo(head.amount("total_paid")) >= 0) {
            order.moveTo(SalesOrder.CLOSED, at);
        }
        String amount = Money.display(head.string("base_currency_code"), baseTotal);
        order.comment(keys, at, online
                ? "We refunded " + amount + " online. Transaction ID: \"" + transactionId + "\""
                : "We refunded " + amount + " offline.", false);
        return memo;
    }

    /** Sums over the refunded visible items, and the refunded shipping. */
    private static final class Sums {
        private BigDecimal subtotal = BigDecimal.ZERO;
        private BigDecimal baseSubtotal = BigDecimal.ZERO;
        private BigDecimal tax = BigDecimal.ZERO;
        private BigDecimal baseTax = BigDecimal.ZERO;
        private BigDecimal discount = BigDecimal.ZERO;
        private BigDecimal baseDiscount = BigDecimal.ZERO;
        private BigDecimal shipping = BigDecimal.ZERO;
        private BigDecimal baseShipping = BigDecimal.ZERO;

        void add(BigDecimal row, BigDecimal baseRow, BigDecimal rowTax, BigDecimal baseRowTax, BigDecimal rowDiscount,
                BigDecimal baseRowDiscount) {
            subtotal = subtotal.add(row);
            baseSubtotal = baseSubtotal.add(baseRow);
            tax = tax.add(rowTax);
            baseTax = baseTax.add(baseRowTax);
            discount = discount.add(rowDiscount);
            baseDiscount = baseDiscount.add(baseRowDiscount);
        }
    }
}

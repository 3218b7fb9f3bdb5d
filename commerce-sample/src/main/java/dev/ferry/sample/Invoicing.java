package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Invoices everything not yet invoiced, as Magento does when an admin invoices an offline payment or a gateway
 * captures a card: the invoice (state 2, paid) and its items, the invoiced and paid totals of the order, its items
 * and payment, and the move to "processing" (or "complete" when everything has already shipped).
 */
final class Invoicing {

    /** Magento's Invoice::STATE_PAID. */
    private static final int PAID = 2;

    private Invoicing() {
    }

    static Row invoice(SalesOrder order, Keys keys, LocalDateTime at) {
        if (!canInvoice(order)) {
            throw new IllegalStateException("Order " + order.incrementId() + " has nothing to invoice");
        }
        Row head = order.order();
        Row invoice = Row.create(CommerceTable.SALES_INVOICE, keys.nextId(CommerceTable.SALES_INVOICE));
        BigDecimal totalQty = BigDecimal.ZERO;
        for (Row item : order.items()) {
            BigDecimal qty = item.amount("qty_ordered").subtract(item.amount("qty_invoiced"))
                    .subtract(item.amount("qty_canceled"));
            if (item.get("parent_item_id") == null) {
                totalQty = totalQty.add(qty);
            }
            order.add(Row.create(CommerceTable.SALES_INVOICE_ITEM, keys.nextId(CommerceTable.SALES_INVOICE_ITEM))
                    .set("parent_id", invoice.id())
                    .set("order_item_id", item.id())
                    .set("product_id", item.get("product_id"))
                    .set("sku", item.get("sku"))
                    .set("name", item.get("name"))
                    .set("qty", qty)
                    .set("price", item.amount("price"))
                    .set("base_price", item.amount("base_price"))
                    .set("row_total", item.amount("row_total"))
                    .set("base_row_total", item.amount("base_row_total"))
                    .set("tax_amount", item.amount("tax_amount"))
                    .set("base_tax_amount", item.amount("base_tax_amount"))
                    .set("discount_amount", item.amount("discount_amount"))
                    .set("base_discount_amount", item.amount("base_discount_amount"))
                    .set("price_incl_tax", item.get("price_incl_tax"))
                    .set("base_price_incl_tax", item.get("base_price_incl_tax"))
                    .set("row_total_incl_tax", item.get("row_total_incl_tax"))
                    .set("base_row_total_incl_tax", item.get("base_row_total_incl_tax")));
            item.set("qty_invoiced", item.amount("qty_invoiced").add(qty))
                    .set("row_invoiced", item.amount("row_total"))
                    .set("base_row_invoiced", item.amount("base_row_total"))
                    .set("tax_invoiced", item.amount("tax_amount"))
                    .set("base_tax_invoiced", item.amount("base_tax_amount"))
                    .set("discount_invoiced", item.amount("discount_amount"))
                    .set("base_discount_invoiced", item.amount("base_discount_amount"))
                    .set("updated_at", at);
        }
        String transactionId = order.isPaidByCard() ? order.payment().string("last_trans_id") : null;
        invoice.set("order_id", order.id())
                .set("store_id", order.storeId())
                .set("increment_id", keys.nextIncrementId(CommerceTable.SALES_INVOICE, order.storeId()))
                .set("state", PAID)
                .set("transaction_id", transactionId)
                .set("can_void_flag", 0)
                .set("email_sent", 1)
                .set("send_email", 1)
                .set("billing_address_id", order.billingAddressId())
                .set("shipping_address_id", order.shippingAddressId())
                .set("total_qty", totalQty)
                .set("created_at", at)
                .set("updated_at", at);
        for (String column : new String[] {"subtotal", "base_subtotal", "subtotal_incl_tax", "base_subtotal_incl_tax",
                "tax_amount", "base_tax_amount", "discount_amount", "base_discount_amount", "shipping_amount",
                "base_shipping_amount", "shipping_incl_tax", "base_shipping_incl_tax", "shipping_tax_amount",
                "base_shipping_tax_amount", "grand_total", "base_grand_total", "base_to_global_rate",
                "base_to_order_rate", "store_to_base_rate", "store_to_order_rate", "order_currency_code",
                "base_currency_code", "store_currency_code", "global_currency_code", "discount_description"}) {
            invoice.set(column, head.get(column));
        }
        order.addInvoice(invoice);

        head.set("subtotal_invoiced", head.amount("subtotal"))
                .set("base_subtotal_invoiced", head.amount("base_subtotal"))
                .set("tax_invoiced", head.amount("tax_amount"))
                .set("base_tax_invoiced", head.amount("base_tax_amount"))
                .set("shipping_invoiced", head.amount("shipping_amount"))
                .set("base_shipping_invoiced", head.amount("base_shipping_amount"))
                .set("discount_invoiced", head.amount("discount_amount"))
                .set("base_discount_invoiced", head.amount("base_discount_amount"))
                .set("total_invoiced", head.amount("grand_total"))
                .set("base_total_invoiced", head.amount("base_grand_total"))
                .set("total_paid", head.amount("grand_total"))
                .set("base_total_paid", head.amount("base_grand_total"))
                .set("total_due", BigDecimal.ZERO)
                .set("base_total_due", BigDecimal.ZERO);
        order.moveTo(Shipping.everythingShipped(order) ? SalesOrder.COMPLETE : SalesOrder.PROCESSING, at);

        Row payment = order.payment();
        payment.set("amount_paid", head.amount("grand_total"))
                .set("base_amount_paid", head.amount("base_grand_total"))
                .set("shipping_captured", head.amount("shipping_amount"))
                .set("base_shipping_captured", head.amount("base_shipping_amount"));
        if (order.isPaidByCard()) {
            payment.set("base_amount_paid_online", head.amount("base_grand_total"));
            order.comment(keys, at, "Captured amount of " + Money.display(head.string("base_currency_code"),
                    head.amount("base_grand_total")) + " online. Transaction ID: \"" + transactionId + "\"", false);
        }
        return invoice;
    }

    static boolean canInvoice(SalesOrder order) {
        String state = order.state();
        if (state.equals(SalesOrder.CANCELED) || state.equals(SalesOrder.CLOSED)) {
            return false;
        }
        return order.items().stream().anyMatch(item -> item.amount("qty_ordered").subtract(item.amount("qty_invoiced"))
                .subtract(item.amount("qty_canceled")).signum() > 0);
    }
}

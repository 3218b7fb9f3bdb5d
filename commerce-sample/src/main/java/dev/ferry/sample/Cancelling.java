package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Cancels an order nothing of which was invoiced, as Magento's admin "Cancel" does: every item's quantity and
 * the order's totals move to their canceled columns and the order to "canceled". Magento adds no comment.
 */
final class Cancelling {

    private Cancelling() {
    }

    static void cancel(SalesOrder order, LocalDateTime at) {
        if (!canCancel(order)) {
            throw new IllegalStateException("Order " + order.incrementId() + " cannot be canceled in state "
                    + order.state() + " with " + order.order().amount("total_invoiced") + " invoiced");
        }
        for (Row item : order.items()) {
            item.set("qty_canceled", item.amount("qty_ordered").subtract(item.amount("qty_invoiced")))
                    .set("tax_canceled", item.amount("tax_amount"))
                    .set("discount_tax_compensation_canceled", BigDecimal.ZERO)
                    .set("updated_at", at);
        }
        Row head = order.order();
        head.set("subtotal_canceled", head.amount("subtotal"))
                .set("base_subtotal_canceled", head.amount("base_subtotal"))
                .set("tax_canceled", head.amount("tax_amount"))
                .set("base_tax_canceled", head.amount("base_tax_amount"))
                .set("shipping_canceled", head.amount("shipping_amount"))
                .set("base_shipping_canceled", head.amount("base_shipping_amount"))
                .set("discount_canceled", head.amount("discount_amount").abs())
                .set("base_discount_canceled", head.amount("base_discount_amount").abs())
                .set("total_canceled", head.amount("grand_total"))
                .set("base_total_canceled", head.amount("base_grand_total"));
        order.payment().set("amount_canceled", head.amount("grand_total"))
                .set("base_amount_canceled", head.amount("base_grand_total"));
        order.moveTo(SalesOrder.CANCELED, at);
    }

    static boolean canCancel(SalesOrder order) {
        String state = order.state();
        boolean open = state.equals(SalesOrder.NEW) || state.equals(SalesOrder.PROCESSING);
        return open && order.order().amount("total_invoiced").signum() == 0;
    }
}

package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Ships everything not yet shipped, as Magento's admin "Ship" does: the shipment, one shipment item per visible
 * order item, the tracking numbers, and the shipped quantities. The order itself only changes, and so only gets a
 * new updated_at, when its state moves: to "complete" when it is fully invoiced, to "processing" when it was "new".
 */
final class Shipping {

    /** A tracking number and the carrier that gave it. */
    record Track(String carrierCode, String number) {

        /** Magento's titles of its carriers, as the admin form fills them in. */
        String title() {
            return switch (carrierCode) {
                case "ups" -> "United Parcel Service";
                case "usps" -> "United States Postal Service";
                case "fedex" -> "Federal Express";
                case "dhl" -> "DHL";
                default -> "Custom Value";
            };
        }
    }

    private Shipping() {
    }

    static Row ship(SalesOrder order, Keys keys, LocalDateTime at, List<Track> tracks) {
        if (!canShip(order)) {
            throw new IllegalStateException("Order " + order.incrementId() + " has nothing to ship");
        }
        Row head = order.order();
        Row shipment = Row.create(CommerceTable.SALES_SHIPMENT, keys.nextId(CommerceTable.SALES_SHIPMENT));
        BigDecimal totalQty = BigDecimal.ZERO;
        BigDecimal totalWeight = BigDecimal.ZERO;
        for (Row item : order.visibleItems()) {
            BigDecimal qty = toShip(item);
            if (qty.signum() <= 0) {
                continue;
            }
            totalQty = totalQty.add(qty);
            totalWeight = totalWeight.add(item.amount("weight").multiply(qty));
            order.add(Row.create(CommerceTable.SALES_SHIPMENT_ITEM, keys.nextId(CommerceTable.SALES_SHIPMENT_ITEM))
                    .set("parent_id", shipment.id())
                    .set("order_item_id", item.id())
                    .set("product_id", item.get("product_id"))
                    .set("sku", item.get("sku"))
                    .set("name", item.get("name"))
                    .set("qty", qty)
                    .set("price", item.amount("price"))
                    .set("row_total", Money.cents(item.amount("price").multiply(qty)))
                    .set("weight", item.amount("weight")));
            for (Row shipped : order.childrenOf(item)) {
                shipped.set("qty_shipped", shipped.amount("qty_shipped").add(qty)).set("updated_at", at);
            }
            item.set("qty_shipped", item.amount("qty_shipped").add(qty)).set("updated_at", at);
        }
        shipment.set("order_id", order.id())
                .set("store_id", order.storeId())
                .set("increment_id", keys.nextIncrementId(CommerceTable.SALES_SHIPMENT, order.storeId()))
                .set("customer_id", head.get("customer_id"))
                .set("billing_address_id", order.billingAddressId())
                .set("shipping_address_id", order.shippingAddressId())
                .set("total_qty", totalQty)
                .set("total_weight", totalWeight)
                .set("email_sent", 1)
                .set("send_email", 1)
                .set("packages", "[]")
                .set("created_at", at)
                .set("updated_at", at);
        order.add(shipment);
        for (Track track : tracks) {
            order.add(track(keys, shipment.id(), order.id(), track, at));
        }

        if (!Invoicing.canInvoice(order)) {
            order.moveTo(SalesOrder.COMPLETE, at);
        } else if (order.state().equals(SalesOrder.NEW)) {
            order.moveTo(SalesOrder.PROCESSING, at);
        }
        return shipment;
    }

    /** A tracking number added to a shipment; neither the shipment nor the order changes. */
    static Row track(Keys keys, long shipmentId, long orderId, Track track, LocalDateTime at) {
        return Row.create(CommerceTable.SALES_SHIPMENT_TRACK, keys.nextId(CommerceTable.SALES_SHIPMENT_TRACK))
                .set("parent_id", shipmentId)
                .set("order_id", orderId)
                .set("track_number", track.number())
                .set("title", track.title())
                .set("carrier_code", track.carrierCode())
                .set("created_at", at)
                .set("updated_at", at);
    }

    static boolean canShip(SalesOrder order) {
        String state = order.state();
        if (state.equals(SalesOrder.CANCELED) || state.equals(SalesOrder.CLOSED)) {
            return false;
        }
        return order.visibleItems().stream().anyMatch(item -> toShip(item).signum() > 0);
    }

    static boolean everythingShipped(SalesOrder order) {
        return order.visibleItems().stream().allMatch(item -> toShip(item).signum() <= 0);
    }

    private static BigDecimal toShip(Row item) {
        return item.amount("qty_ordered").subtract(item.amount("qty_shipped")).subtract(item.amount("qty_refunded"))
                .subtract(item.amount("qty_canceled"));
    }
}

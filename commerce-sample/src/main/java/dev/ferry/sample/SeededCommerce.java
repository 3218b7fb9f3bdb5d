package dev.ferry.sample;

import java.time.Instant;
import java.util.Map;

/**
 * What a seeding wrote, counted as it was written, for tests to assert against.
 *
 * @param storeIds store_id of each store view by code (the admin scope left out)
 * @param customers registered customers; their entity_id run from firstCustomerId to lastCustomerId
 * @param products catalog_product_entity rows
 * @param orders orders; their entity_id run from firstOrderId to lastOrderId in created_at order
 * @param guestOrders orders with customer_is_guest = 1
 * @param orderItems sales_order_item rows, configurable parents and children both counted
 * @param ordersByState orders by sales_order.state
 * @param firstOrderCreatedAt earliest sales_order.created_at, null without orders
 * @param lastOrderCreatedAt latest sales_order.created_at, null without orders
 * @param invoices sales_invoice rows
 * @param shipments sales_shipment rows
 * @param tracks sales_shipment_track rows
 * @param creditmemos sales_creditmemo rows
 * @param partialCreditmemos credit memos that left something to refund
 */
public record SeededCommerce(
        Map<String, Integer> storeIds,
        int customers,
        long firstCustomerId,
        long lastCustomerId,
        int products,
        int orders,
        long firstOrderId,
        long lastOrderId,
        int guestOrders,
        int orderItems,
        Map<String, Integer> ordersByState,
        Instant firstOrderCreatedAt,
        Instant lastOrderCreatedAt,
        int invoices,
        int shipments,
        int tracks,
        int creditmemos,
        int partialCreditmemos) {

    public SeededCommerce {
        storeIds = Map.copyOf(storeIds);
        ordersByState = Map.copyOf(ordersByState);
    }

    public int ordersInState(String state) {
        return ordersByState.getOrDefault(state, 0);
    }

    public int canceledOrders() {
        return ordersInState("canceled");
    }

    public int completeOrders() {
        return ordersInState("complete");
    }
}

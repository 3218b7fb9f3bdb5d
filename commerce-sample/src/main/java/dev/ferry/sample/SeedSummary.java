package dev.ferry.sample;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Counts what the seeder writes, order by order, into a {@link SeededCommerce}. */
final class SeedSummary {

    private final Map<String, Integer> storeIds = new TreeMap<>();
    private final Map<String, Integer> ordersByState = new TreeMap<>();
    private int customers;
    private long firstCustomerId;
    private long lastCustomerId;
    private int products;
    private int orders;
    private long firstOrderId;
    private long lastOrderId;
    private int guestOrders;
    private int orderItems;
    private LocalDateTime firstOrderCreatedAt;
    private LocalDateTime lastOrderCreatedAt;
    private int invoices;
    private int shipments;
    private int tracks;
    private int creditmemos;
    private int partialCreditmemos;

    void stores(Stores stores) {
        stores.views().forEach(view -> storeIds.put(view.code(), view.storeId()));
    }

    void products(int count) {
        products = count;
    }

    void customer(Customer customer) {
        if (customers++ == 0) {
            firstCustomerId = customer.id();
        }
        lastCustomerId = customer.id();
    }

    void order(SalesOrder order) {
        Row head = order.order();
        LocalDateTime createdAt = (LocalDateTime) head.get("created_at");
        if (orders++ == 0 || order.id() < firstOrderId) {
            firstOrderId = order.id();
        }
        lastOrderId = Math.max(lastOrderId, order.id());
        if (firstOrderCreatedAt == null || createdAt.isBefore(firstOrderCreatedAt)) {
            firstOrderCreatedAt = createdAt;
        }
        if (lastOrderCreatedAt == null || createdAt.isAfter(lastOrderCreatedAt)) {
            lastOrderCreatedAt = createdAt;
        }
        if (head.longValue("customer_is_guest") == 1) {
            guestOrders++;
        }
        ordersByState.merge(order.state(), 1, Integer::sum);
        orderItems += order.created(CommerceTable.SALES_ORDER_ITEM);
        invoices += order.created(CommerceTable.SALES_INVOICE);
        shipments += order.created(CommerceTable.SALES_SHIPMENT);
        tracks += order.created(CommerceTable.SALES_SHIPMENT_TRACK);
        creditmemos += order.created(CommerceTable.SALES_CREDITMEMO);
        partialCreditmemos += order.partialRefunds();
    }

    SeededCommerce result() {
        return new SeededCommerce(storeIds, customers, firstCustomerId, lastCustomerId, products, orders,
                firstOrderId, lastOrderId, guestOrders, orderItems, ordersByState,
                firstOrderCreatedAt == null ? null : firstOrderCreatedAt.toInstant(ZoneOffset.UTC),
                lastOrderCreatedAt == null ? null : lastOrderCreatedAt.toInstant(ZoneOffset.UTC),
                invoices, shipments, tracks, creditmemos, partialCreditmemos);
    }
}

package dev.ferry.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One order with everything a business change reads or writes: the sales_order row, its items, addresses and
 * payment, and the documents (invoices, shipments, tracks, credit memos, comments) created for it so far.
 */
final class SalesOrder {

    static final String NEW = "new";
    static final String PENDING = "pending";
    static final String PROCESSING = "processing";
    static final String COMPLETE = "complete";
    static final String CANCELED = "canceled";
    static final String CLOSED = "closed";

    private final Row order;
    private final List<Row> items;
    private final Row payment;
    private final Row billingAddress;
    private final Row shippingAddress;
    private final List<Row> rows = new ArrayList<>();
    private Long lastInvoiceId;
    private int partialRefunds;

    SalesOrder(Row order, List<Row> items, Row payment, Row billingAddress, Row shippingAddress, Long lastInvoiceId) {
        this.order = order;
        this.items = List.copyOf(items);
        this.payment = payment;
        this.billingAddress = billingAddress;
        this.shippingAddress = shippingAddress;
        this.lastInvoiceId = lastInvoiceId;
        rows.add(order);
        rows.add(billingAddress);
        rows.add(shippingAddress);
        rows.addAll(items);
        rows.add(payment);
    }

    Row order() {
        return order;
    }

    long id() {
        return order.id();
    }

    String incrementId() {
        return order.string("increment_id");
    }

    int storeId() {
        return (int) order.longValue("store_id");
    }

    String state() {
        return order.string("state");
    }

    List<Row> items() {
        return items;
    }

    /** The items a shopper sees: simple products and configurable parents, not the variants under them. */
    List<Row> visibleItems() {
        return items.stream().filter(item -> item.get("parent_item_id") == null).toList();
    }

    List<Row> childrenOf(Row item) {
        long itemId = item.id();
        return items.stream().filter(child -> {
            Long parent = child.longOrNull("parent_item_id");
            return parent != null && parent == itemId;
        }).toList();
    }

    Row payment() {
        return payment;
    }

    boolean isPaidByCard() {
        return PaymentMethod.CARD.code().equals(payment.string("method"));
    }

    long billingAddressId() {
        return billingAddress.id();
    }

    long shippingAddressId() {
        return shippingAddress.id();
    }

    Long lastInvoiceId() {
        return lastInvoiceId;
    }

    int partialRefunds() {
        return partialRefunds;
    }

    /** Moves the order to a state and its default status; a state change always touches updated_at. */
    void moveTo(String state, LocalDateTime at) {
        order.set("state", state).set("status", state.equals(NEW) ? PENDING : state).set("updated_at", at);
    }

    void addInvoice(Row invoice) {
        rows.add(invoice);
        lastInvoiceId = invoice.id();
    }

    void countPartialRefund() {
        partialRefunds++;
    }

    void add(Row row) {
        rows.add(row);
    }

    /** A comment in the order's history, under the status the order has at that moment. */
    void comment(Keys keys, LocalDateTime at, String text, boolean customerNotified) {
        CommerceTable history = CommerceTable.SALES_ORDER_STATUS_HISTORY;
        rows.add(Row.create(history, keys.nextId(history))
                .set("parent_id", id())
                .set("is_customer_notified", customerNotified ? 1 : 0)
                .set("is_visible_on_front", 0)
                .set("comment", text)
                .set("status", order.string("status"))
                .set("created_at", at)
                .set("entity_name", "order"));
    }

    /** Every row of the order, including the ones changes added; stored ones only change. */
    List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** How many rows of a table this order has gained, new documents only. */
    int created(CommerceTable table) {
        return (int) rows.stream().filter(row -> row.table() == table && !row.isStored()).count();
    }
}

package dev.ferry.core.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads whole orders, read-only, a page at a time: one query per table for all the page's orders, never one per
 * order. Only the columns the mapping uses are read, which keeps Magento's wide tables cheap. The store scope codes
 * are read once per reader.
 *
 * <p>Scattered ids (the order poller's changed orders) are read with {@code IN} lists. Ids that are (nearly)
 * consecutive, as the history export's keyset pages are, are read as one id range: MariaDB then walks one stretch
 * of each index instead of looking every id up on its own, about half the database's work on a page; the rows of
 * orders inside the range that were not asked for are dropped.
 */
public final class SalesOrderReader {

    /**
     * Every table the reader reads. The order poller and the history export read no others, so their database user
     * needs SELECT on these alone; {@code ferry check} tries each.
     */
    public static final List<String> TABLES = List.of("sales_order", "sales_order_item", "sales_order_address",
            "sales_order_payment", "sales_invoice", "sales_shipment", "sales_shipment_item", "sales_shipment_track",
            "sales_creditmemo", "sales_creditmemo_item", "store", "store_group", "store_website");

    private static final String ORDERS = "SELECT entity_id, increment_id, state, status, store_id, customer_id,"
            + " customer_email, grand_total, tax_amount, discount_amount, shipping_amount, shipping_method,"
            + " order_currency_code, created_at, updated_at FROM sales_order WHERE entity_id IN (:ids)";
    private static final String ITEMS = "SELECT item_id, order_id, parent_item_id, sku, name, qty_ordered, row_total,"
            + " discount_amount, product_options FROM sales_order_item WHERE order_id IN (:ids)"
            + " ORDER BY order_id, item_id";
    private static final String ADDRESSES = "SELECT parent_id, address_type, street, city, region, postcode,"
            + " country_id FROM sales_order_address WHERE parent_id IN (:ids) ORDER BY parent_id, entity_id";
    private static final String PAYMENTS = "SELECT parent_id, method, amount_paid, amount_ordered, last_trans_id"
            + " FROM sales_order_payment WHERE parent_id IN (:ids) ORDER BY parent_id, entity_id";
    private static final String INVOICES = "SELECT entity_id, order_id, created_at, grand_total, transaction_id"
            + " FROM sales_invoice WHERE order_id IN (:ids) ORDER BY order_id, entity_id";
    private static final String SHIPMENTS = "SELECT entity_id, order_id, created_at FROM sales_shipment"
            + " WHERE order_id IN (:ids) ORDER BY order_id, entity_id";
    private static final String CREDIT_MEMOS = "SELECT entity_id, order_id, created_at, grand_total,"
            + " order_currency_code, transaction_id FROM sales_creditmemo WHERE order_id IN (:ids)"
            + " ORDER BY order_id, entity_id";
    private static final String SHIPMENT_ITEMS = "SELECT i.parent_id, i.order_item_id, i.sku, i.name, i.qty,"
            + " i.row_total, NULL AS discount_amount FROM sales_shipment_item i"
            + " JOIN sales_shipment s ON s.entity_id = i.parent_id WHERE s.order_id IN (:ids)"
            + " ORDER BY i.parent_id, i.entity_id";
    private static final String CREDIT_MEMO_ITEMS = "SELECT i.parent_id, i.order_item_id, i.sku, i.name, i.qty,"
            + " i.row_total, i.discount_amount FROM sales_creditmemo_item i"
            + " JOIN sales_creditmemo c ON c.entity_id = i.parent_id WHERE c.order_id IN (:ids)"
            + " ORDER BY i.parent_id, i.entity_id";
    private static final String TRACKS = "SELECT t.entity_id, t.parent_id, t.track_number, t.carrier_code, t.title"
            + " FROM sales_shipment_track t WHERE t.order_id IN (:ids) ORDER BY t.parent_id, t.entity_id";
    private static final String SCOPES = "SELECT s.store_id, s.code AS store_view_code, g.code AS store_code,"
            + " w.code AS website_code FROM store s LEFT JOIN store_group g ON g.group_id = s.group_id"
            + " LEFT JOIN store_website w ON w.website_id = s.website_id";

    private Map<Long, Map<String, Object>> scopes;

    /** The orders with these entity_ids that exist, in the order of {@code orderIds}. */
    public Map<Long, SalesOrder> read(Connection connection, Collection<Long> orderIds) throws SQLException {
        Map<Long, SalesOrder> orders = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return orders;
        }
        if (scopes == null) {
            scopes = new HashMap<>();
            for (Map<String, Object> row : SalesRows.select(connection, SCOPES)) {
                scopes.put(((Number) row.get("store_id")).longValue(), row);
            }
        }
        OrderIds ids = new OrderIds(orderIds);
        Map<Long, Map<String, Object>> heads = new HashMap<>();
        for (Map<String, Object> row : ids.select(connection, ORDERS)) {
            heads.put(((Number) row.get("entity_id")).longValue(), row);
        }
        var items = SalesRows.groupBy(ids.select(connection, ITEMS), "order_id");
        var addresses = SalesRows.groupBy(ids.select(connection, ADDRESSES), "parent_id");
        var payments = SalesRows.groupBy(ids.select(connection, PAYMENTS), "parent_id");
        var tracks = SalesRows.groupBy(ids.select(connection, TRACKS), "parent_id");
        var invoices = documents(ids.select(connection, INVOICES), Map.of(), Map.of());
        var shipments = documents(ids.select(connection, SHIPMENTS),
                SalesRows.groupBy(ids.select(connection, SHIPMENT_ITEMS), "parent_id"), tracks);
        var creditMemos = documents(ids.select(connection, CREDIT_MEMOS),
                SalesRows.groupBy(ids.select(connection, CREDIT_MEMO_ITEMS), "parent_id"), Map.of());
        for (Long id : orderIds) {
            Map<String, Object> head = heads.get(id);
            if (head == null) {
                continue;
            }
            Object storeId = head.get("store_id");
            Map<String, Object> scope = storeId == null ? null : scopes.get(((Number) storeId).longValue());
            orders.put(id, new SalesOrder(head, items.getOrDefault(id, List.of()),
                    addresses.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of()),
                    scope == null ? Map.of() : scope, invoices.getOrDefault(id, List.of()),
                    shipments.getOrDefault(id, List.of()), creditMemos.getOrDefault(id, List.of())));
        }
        return orders;
    }

    /**
     * The orders a read asks for, and how to ask the database for their rows: an id range when they fill at least
     * half of it, else an IN list.
     */
    private record OrderIds(Collection<Long> ids, long first, long last, boolean dense) {

        OrderIds(Collection<Long> ids) {
            this(ids, ids.stream().mapToLong(Long::longValue).min().orElseThrow(),
                    ids.stream().mapToLong(Long::longValue).max().orElseThrow());
        }

        private OrderIds(Collection<Long> ids, long first, long last) {
            this(ids, first, last, last - first < 2L * ids.size());
        }

        /** {@code sql} says {@code IN (:ids)} where the orders' ids go. */
        List<Map<String, Object>> select(Connection connection, String sql) throws SQLException {
            return dense ? SalesRows.select(connection, sql.replace("IN (:ids)", "BETWEEN ? AND ?"), first, last)
                    : SalesRows.selectIn(connection, sql, ids);
        }
    }

    /** Document rows with their items and tracks, grouped by the order they belong to. */
    private static Map<Long, List<SalesDocument>> documents(List<Map<String, Object>> rows,
                                                            Map<Long, List<Map<String, Object>>> items,
                                                            Map<Long, List<Map<String, Object>>> tracks) {
        Map<Long, List<SalesDocument>> byOrder = new HashMap<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("entity_id")).longValue();
            byOrder.computeIfAbsent(((Number) row.get("order_id")).longValue(), order -> new ArrayList<>())
                    .add(new SalesDocument(row, items.getOrDefault(id, List.of()), tracks.getOrDefault(id, List.of())));
        }
        return byOrder;
    }
}

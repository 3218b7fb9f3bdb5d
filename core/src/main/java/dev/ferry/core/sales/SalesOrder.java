package dev.ferry.core.sales;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mapping needs of one order, as Magento stores it: the sales_order row, its items, addresses
 * (address_type billing/shipping), payments, the store scope codes (website_code, store_code, store_view_code) and
 * its invoices, shipments and credit memos.
 */
public record SalesOrder(Map<String, Object> order, List<Map<String, Object>> items,
                         List<Map<String, Object>> addresses, List<Map<String, Object>> payments,
                         Map<String, Object> scope, List<SalesDocument> invoices, List<SalesDocument> shipments,
                         List<SalesDocument> creditMemos) {

    public SalesOrder {
        items = List.copyOf(items);
        addresses = List.copyOf(addresses);
        payments = List.copyOf(payments);
        invoices = List.copyOf(invoices);
        shipments = List.copyOf(shipments);
        creditMemos = List.copyOf(creditMemos);
    }

    public long id() {
        return ((Number) order.get("entity_id")).longValue();
    }

    /** The invoice, shipment or credit memo a change is about; empty for the order's own changes. */
    public Optional<SalesDocument> document(OrderChangeKind kind, long documentId) {
        List<SalesDocument> documents = switch (kind) {
            case INVOICED -> invoices;
            case SHIPPED -> shipments;
            case CREDIT_MEMO -> creditMemos;
            default -> List.of();
        };
        return documents.stream().filter(document -> document.id() == documentId).findFirst();
    }
}

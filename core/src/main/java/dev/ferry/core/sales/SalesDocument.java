package dev.ferry.core.sales;

import java.util.List;
import java.util.Map;

/**
 * One invoice, shipment or credit memo of an order: its row (sales_invoice, sales_shipment, sales_creditmemo), its
 * item rows ({@code *_item}, each pointing at its order item by order_item_id) and, for a shipment, its
 * sales_shipment_track rows.
 */
public record SalesDocument(Map<String, Object> row, List<Map<String, Object>> items,
                            List<Map<String, Object>> tracks) {

    public SalesDocument {
        items = List.copyOf(items);
        tracks = List.copyOf(tracks);
    }

    public long id() {
        return ((Number) row.get("entity_id")).longValue();
    }
}

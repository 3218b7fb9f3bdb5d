package dev.ferry.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.OrderLifecycle;
import dev.ferry.core.sales.SalesDocument;
import dev.ferry.core.sales.SalesOrder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page of orders to JSON Lines on several threads: the order poller's events, in page order, every time. */
class ParallelMappingTest {

    private static final Instant PLACED = Instant.parse("2024-03-01T10:00:00Z");
    private static final String OPTIONS = "{\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"}]}";

    private final OrderEventMapper mapper = new OrderEventMapper("commerceCustomerId");
    private final HistoryJob job = new HistoryJob("test", new HistoryRange(Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2025-01-01T00:00:00Z")), null, null, EnumSet.allOf(OrderChangeKind.class), 500, 1 << 20,
            4, 1, 0, Path.of("unused"));

    @Test
    void everyOrderBecomesThePollersEventsOneLineEachInPageOrderOnAnyNumberOfThreads() throws Exception {
        List<SalesOrder> page = new ArrayList<>();
        for (long id = 1; id <= 11; id++) {
            page.add(order(id, "10000000" + id));
        }
        StringBuilder pollers = new StringBuilder();
        for (SalesOrder order : page) {
            for (OrderChange change : OrderLifecycle.changes(order, job.kinds(), job.range().to())) {
                pollers.append(mapper.map(change, order).toJson()).append('\n');
            }
        }

        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelMapping mapping = new ParallelMapping(new OrderLines(job, mapper), threads)) {
                List<MappedOrder> mapped = mapping.map(page);

                assertThat(mapped).extracting(m -> m.order().id()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L,
                        9L, 10L, 11L);
                StringBuilder lines = new StringBuilder();
                mapped.forEach(m -> lines.append(new String(m.lines(), StandardCharsets.UTF_8)));
                assertThat(lines.toString()).isEqualTo(pollers.toString());
                assertThat(mapped).allSatisfy(m -> assertThat(m.events()).isEqualTo(5));
            }
        }
    }

    @Test
    void anOrderThatCannotBeMappedComesBackWithItsReasonAndTheOthersAreMapped() throws Exception {
        SalesOrder broken = order(2, null);

        try (ParallelMapping mapping = new ParallelMapping(new OrderLines(job, mapper), 2)) {
            List<MappedOrder> mapped = mapping.map(List.of(order(1, "100000001"), broken, order(3, "100000003")));

            assertThat(mapped.get(1).failure()).isEqualTo("sales_order 2 has no increment_id");
            assertThat(mapped.get(1).lines()).isNull();
            assertThat(mapped.get(0).failure()).isNull();
            assertThat(mapped.get(2).failure()).isNull();
        }
    }

    @Test
    void anOrderWhoseLinesWouldNotFitAFileIsUnmappable() throws Exception {
        HistoryJob tinyFiles = new HistoryJob("test", job.range(), null, null, job.kinds(), 500, 1_000, 4, 1, 0,
                Path.of("unused"));

        MappedOrder mapped = new OrderLines(tinyFiles, mapper).map(order(1, "100000001"), new ByteArrayOutputStream());

        assertThat(mapped.failure()).startsWith("its 5 events take ").endsWith("(file-size 1000)");
    }

    /** A complete order: placed, invoiced, shipped with a track, refunded in part, completed. */
    private static SalesOrder order(long id, String incrementId) {
        Map<String, Object> head = new HashMap<>();
        head.put("entity_id", id);
        head.put("increment_id", incrementId);
        head.put("state", "complete");
        head.put("customer_id", id % 2 == 0 ? null : 500 + id);
        head.put("customer_email", "shopper" + id + "@example.com");
        head.put("grand_total", new BigDecimal("64.5000"));
        head.put("tax_amount", new BigDecimal("4.5000"));
        head.put("discount_amount", new BigDecimal("-5.0000"));
        head.put("shipping_amount", new BigDecimal("5.0000"));
        head.put("shipping_method", "flatrate_flatrate");
        head.put("order_currency_code", "USD");
        head.put("created_at", PLACED);
        head.put("updated_at", PLACED.plusSeconds(86_400 * 5));
        long item = id * 10;
        List<Map<String, Object>> items = List.of(
                orderItem(item, null, "TEE-BLUE", OPTIONS), orderItem(item + 1, item, "TEE-BLUE", null),
                orderItem(item + 2, null, "MUG", null));
        SalesDocument invoice = new SalesDocument(Map.of("entity_id", id * 100, "created_at", PLACED.plusSeconds(60),
                "grand_total", new BigDecimal("64.5000"), "transaction_id", "T" + id), List.of(), List.of());
        SalesDocument shipment = new SalesDocument(Map.of("entity_id", id * 100 + 1, "created_at",
                PLACED.plusSeconds(86_400)), List.of(documentItem(item, "TEE-BLUE"), documentItem(item + 2, "MUG")),
                List.of(Map.of("track_number", "94001" + id, "carrier_code", "usps")));
        SalesDocument creditMemo = new SalesDocument(Map.of("entity_id", id * 100 + 2, "created_at",
                PLACED.plusSeconds(86_400 * 3), "grand_total", new BigDecimal("12.0000"), "order_currency_code", "USD",
                "transaction_id", "R" + id), List.of(documentItem(item + 2, "MUG")), List.of());
        return new SalesOrder(head, items, List.of(address("billing"), address("shipping")),
                List.of(Map.of("method", "checkmo", "amount_paid", new BigDecimal("64.5000"))),
                Map.of("website_code", "base", "store_code", "main_website_store", "store_view_code", "default"),
                List.of(invoice), List.of(shipment), List.of(creditMemo));
    }

    private static Map<String, Object> orderItem(long id, Long parent, String sku, String options) {
        Map<String, Object> item = new HashMap<>();
        item.put("item_id", id);
        item.put("parent_item_id", parent);
        item.put("sku", sku);
        item.put("name", sku.toLowerCase());
        item.put("qty_ordered", new BigDecimal("2.0000"));
        item.put("row_total", new BigDecimal("25.0000"));
        item.put("discount_amount", new BigDecimal("2.5000"));
        item.put("product_options", options);
        return item;
    }

    private static Map<String, Object> documentItem(long orderItemId, String sku) {
        return Map.of("order_item_id", orderItemId, "sku", sku, "name", sku.toLowerCase(),
                "qty", new BigDecimal("1.0000"), "row_total", new BigDecimal("12.5000"));
    }

    private static Map<String, Object> address(String type) {
        return Map.of("address_type", type, "street", "1 Main St\nApt 2", "city", "Austin", "region", "Texas",
                "postcode", "78701", "country_id", "US");
    }
}

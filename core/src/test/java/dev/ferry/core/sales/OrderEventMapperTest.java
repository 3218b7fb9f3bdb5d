package dev.ferry.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.PreEncodedFieldNames;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Magento rows, as the JDBC reader hands them over, to XDM that the closed compat schema accepts. */
class OrderEventMapperTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-20T10:15:30Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-11-21T08:00:00Z");

    private final OrderEventMapper mapper = new OrderEventMapper("commerceCustomerId");

    static Map<String, Object> order(Long customerId, String currency) {
        Map<String, Object> order = new HashMap<>();
        order.put("entity_id", 42L);
        order.put("increment_id", "000000042");
        order.put("state", "processing");
        order.put("customer_id", customerId);
        order.put("customer_email", "Jane.Doe@Example.com ");
        order.put("grand_total", new BigDecimal("118.9000"));
        order.put("tax_amount", new BigDecimal("8.9000"));
        order.put("discount_amount", new BigDecimal("-15.0000"));
        order.put("shipping_amount", new BigDecimal("10.0000"));
        order.put("shipping_method", "flatrate_flatrate");
        order.put("order_currency_code", currency);
        order.put("created_at", PLACED_AT);
        order.put("updated_at", CHANGED_AT);
        order.put("store_id", 3);
        return order;
    }

    static SalesOrder snapshot(Long customerId, String currency, List<Map<String, Object>> items) {
        return new SalesOrder(order(customerId, currency), items,
                List.of(address("billing"), address("shipping")),
                List.of(Map.of("method", "checkmo", "amount_paid", new BigDecimal("118.9000"), "last_trans_id", "T-1")),
                Map.of("website_code", "eu", "store_code", "eu_store", "store_view_code", "de"),
                List.of(), List.of(), List.of());
    }

    /** The order with one invoice, shipment or credit memo, as the change of {@code kind} needs it. */
    static SalesOrder with(SalesOrder order, OrderChangeKind kind, SalesDocument document) {
        return new SalesOrder(order.order(), order.items(), order.addresses(), order.payments(), order.scope(),
                kind == OrderChangeKind.INVOICED ? List.of(document) : order.invoices(),
                kind == OrderChangeKind.SHIPPED ? List.of(document) : order.shipments(),
                kind == OrderChangeKind.CREDIT_MEMO ? List.of(document) : order.creditMemos());
    }

    static Map<String, Object> address(String type) {
        return Map.of("address_type", type, "street", "Hauptstr. 1\nHinterhaus", "city", "Berlin", "region", "Berlin",
                "postcode", "10115", "country_id", "DE");
    }

    static Map<String, Object> item(long id, Long parent, String sku, String qty, String options) {
        Map<String, Object> item = new HashMap<>();
        item.put("item_id", id);
        item.put("parent_item_id", parent);
        item.put("sku", sku);
        item.put("name", "Tee " + sku);
        item.put("qty_ordered", new BigDecimal(qty));
        item.put("row_total", new BigDecimal("50.0000"));
        item.put("discount_amount", new BigDecimal("7.5000"));
        item.put("product_options", options);
        return item;
    }

    private static final String TEE_OPTIONS = "{\"info_buyRequest\":{\"qty\":2},\"attributes_info\":"
            + "[{\"label\":\"Color\",\"value\":\"Blue\",\"option_id\":93},{\"label\":\"Size\",\"value\":\"M\"}]}";

    private static List<Map<String, Object>> configurableTee() {
        return List.of(item(1, null, "FY-TEE-M-Blue", "2", TEE_OPTIONS), item(2, 1L, "FY-TEE-M-Blue", "2", null),
                item(3, null, "FY-BTL-01", "1", null));
    }

    @ParameterizedTest
    @EnumSource(OrderChangeKind.class)
    void everyKindOfChangeIsSchemaValidXdmWithItsEventTypeAndDeterministicId(OrderChangeKind kind) {
        Map<String, Object> sub = Map.of("entity_id", 7L, "grand_total", new BigDecimal("20.0000"),
                "order_currency_code", "EUR", "created_at", CHANGED_AT);
        XdmEvent event = mapper.map(new OrderChange(kind, 42, "000000042", 7, CHANGED_AT),
                with(snapshot(5L, "EUR", configurableTee()), kind, new SalesDocument(sub, List.of(),
                        List.of(Map.of("track_number", "1234567890", "carrier_code", "ups")))));

        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
        assertThat(event.eventType()).isEqualTo(kind.eventType());
        assertThat(event.id()).isEqualTo(EventIds.deterministic("commerce-order", "000000042", kind.code(), "7"));
        assertThat(event.partitionKey()).isEqualTo("000000042");
        assertThat(event.get("timestamp").asText()).isEqualTo("2026-11-21T08:00:00Z");
    }

    @Test
    void orderColumnsFillCommerceOrderShippingBillingScopeAndIdentities() {
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT),
                snapshot(5L, "eur", configurableTee()));

        assertThat(event.get("commerce.order.purchaseID").asText()).isEqualTo("000000042");
        assertThat(event.get("commerce.order.priceTotal").asDouble()).isEqualTo(118.9);
        assertThat(event.get("commerce.order.taxAmount").asDouble()).isEqualTo(8.9);
        assertThat(event.get("commerce.order.discountAmount").asDouble()).isEqualTo(15.0);
        assertThat(event.get("commerce.order.currencyCode").asText()).isEqualTo("EUR");
        assertThat(event.get("commerce.order.createdDate").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(event.get("commerce.order.cancelDate").isMissingNode()).isTrue();
        assertThat(event.get("commerce.order.payments").get(0).get("paymentType").asText()).isEqualTo("checkmo");
        assertThat(event.get("commerce.order.payments").get(0).get("transactionID").asText()).isEqualTo("T-1");
        assertThat(event.get("commerce.shipping.shippingMethod").asText()).isEqualTo("flatrate_flatrate");
        assertThat(event.get("commerce.shipping.shippingAmount").asDouble()).isEqualTo(10.0);
        assertThat(event.get("commerce.shipping.address.street2").asText()).isEqualTo("Hinterhaus");
        assertThat(event.get("commerce.billing.address.countryCode").asText()).isEqualTo("DE");
        assertThat(event.get("commerce.commerceScope.websiteCode").asText()).isEqualTo("eu");
        assertThat(event.get("commerce.commerceScope.storeCode").asText()).isEqualTo("eu_store");
        assertThat(event.get("commerce.commerceScope.storeViewCode").asText()).isEqualTo("de");
        assertThat(event.get("personalEmail.address").asText()).isEqualTo("Jane.Doe@Example.com");
        assertThat(event.get("identityMap.commerceCustomerId").get(0).get("id").asText()).isEqualTo("5");
        assertThat(event.get("identityMap.commerceCustomerId").get(0).get("primary").asBoolean()).isTrue();
        assertThat(event.get("identityMap.Email_LC_SHA256").get(0).get("id").asText())
                .isEqualTo(Identities.emailSha256("jane.doe@example.com"));
        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
    }

    @Test
    void aConfigurableParentAndItsChildAreOneProductListItemWithTheSelectedOptions() {
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT),
                snapshot(5L, "EUR", configurableTee()));

        assertThat(event.get("productListItems").size()).isEqualTo(2);
        var tee = event.get("productListItems").get(0);
        assertThat(tee.get("SKU").asText()).isEqualTo("FY-TEE-M-Blue");
        assertThat(tee.get("quantity").asInt()).isEqualTo(2);
        assertThat(tee.get("priceTotal").asDouble()).isEqualTo(50.0);
        assertThat(tee.get("discountAmount").asDouble()).isEqualTo(7.5);
        assertThat(tee.get("currencyCode").asText()).isEqualTo("EUR");
        assertThat(tee.get("selectedOptions").toString())
                .isEqualTo("[{\"attribute\":\"Color\",\"value\":\"Blue\"},{\"attribute\":\"Size\",\"value\":\"M\"}]");
    }

    @Test
    void aGuestIsIdentifiedByTheEmailHashAloneAsPrimary() {
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT),
                snapshot(null, "EUR", configurableTee()));

        assertThat(event.get("identityMap").has("commerceCustomerId")).isFalse();
        assertThat(event.get("identityMap.Email_LC_SHA256").get(0).get("primary").asBoolean()).isTrue();
        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
    }

    @Test
    void aCancelCarriesItsCancelDateAndACreditMemoItsRefund() {
        XdmEvent cancel = mapper.map(new OrderChange(OrderChangeKind.CANCELLED, 42, "000000042", 42, CHANGED_AT),
                snapshot(5L, "EUR", configurableTee()));
        XdmEvent refund = mapper.map(new OrderChange(OrderChangeKind.CREDIT_MEMO, 42, "000000042", 9, CHANGED_AT),
                with(snapshot(5L, "EUR", configurableTee()), OrderChangeKind.CREDIT_MEMO, new SalesDocument(
                        Map.of("entity_id", 9L, "grand_total", new BigDecimal("25.5000"), "order_currency_code", "EUR",
                                "transaction_id", "R-9"), List.of(), List.of())));

        assertThat(cancel.get("commerce.order.cancelDate").asText()).isEqualTo("2026-11-21T08:00:00Z");
        var refunds = refund.get("commerce.order.refunds");
        assertThat(refunds.size()).isEqualTo(1);
        assertThat(refunds.get(0).get("refundAmount").asDouble()).isEqualTo(25.5);
        assertThat(refunds.get(0).get("refundPaymentType").asText()).isEqualTo("check");
        assertThat(refunds.get(0).get("transactionID").asText()).isEqualTo("R-9");
        assertThat(CompatSchema.errors(refund.xdm())).isEmpty();
    }

    @Test
    void aNumericTrackingNumberAndTheShipDateGoIntoShippingAndAnAlphanumericOneIsLeftOut() {
        Map<String, Object> shipment = Map.of("entity_id", 3L, "created_at", CHANGED_AT);
        XdmEvent numeric = mapper.map(new OrderChange(OrderChangeKind.SHIPPED, 42, "000000042", 3, CHANGED_AT),
                with(snapshot(5L, "EUR", configurableTee()), OrderChangeKind.SHIPPED,
                        new SalesDocument(shipment, List.of(), List.of(Map.of("track_number", "9400100000")))));
        XdmEvent ups = mapper.map(new OrderChange(OrderChangeKind.SHIPPED, 42, "000000042", 3, CHANGED_AT),
                with(snapshot(5L, "EUR", configurableTee()), OrderChangeKind.SHIPPED, new SalesDocument(shipment,
                        List.of(), List.of(Map.of("track_number", "1Z999AA10123456784")))));

        assertThat(numeric.get("commerce.shipping.trackingNumber").asLong()).isEqualTo(9400100000L);
        assertThat(numeric.get("commerce.shipping.shipDate").asText()).isEqualTo("2026-11-21T08:00:00Z");
        assertThat(ups.get("commerce.shipping.trackingNumber").isMissingNode()).isTrue();
        assertThat(CompatSchema.errors(numeric.xdm())).isEmpty();
    }

    @Test
    void valuesMagentoWouldNeverWriteAreLeftOutAndCountedNotFatal() {
        List<Map<String, Object>> items = List.of(item(1, null, "BAD-QTY", "-1", "{not json"));
        SalesOrder odd = snapshot(5L, null, items);
        odd.order().put("state", "teleported");
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT), odd);

        assertThat(event.get("commerce.order.currencyCode").isMissingNode()).isTrue();
        assertThat(event.get("productListItems").get(0).has("quantity")).isFalse();
        assertThat(event.get("productListItems").get(0).has("selectedOptions")).isFalse();
        assertThat(mapper.warnings()).as("currency, quantity, product_options, state").isEqualTo(4);
        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
    }

    /**
     * product_options as Magento writes it and shapes it never does: the options are attributes_info's entries with a
     * label and a value (their last occurrence when a key repeats), and only what is not JSON at all, anywhere in it,
     * counts as a warning.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"info_buyRequest\":{\"qty\":\"1\",\"super_attribute\":{\"93\":\"50\"}},\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"}],\"simple_sku\":\"X\"}|Color=Blue|0",
        "{\"attributes_info\":[{\"label\":\"Size\",\"value\":40},{\"label\":\"Gift\",\"value\":true},{\"label\":\"Note\"}]}|Size=40,Gift=true|0",
        "{\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Red\"}],\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"}]}|Color=Blue|0",
        "{\"attributes_info\":{\"first\":{\"label\":\"Color\",\"value\":\"Blue\"}}}|Color=Blue|0",
        "{\"attributes_info\":null,\"info_buyRequest\":[]}||0",
        "[{\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"}]}]||0",
        "{\"info_buyRequest\":{\"qty\":1,}}||1",
        "{\"attributes_info\":[{\"label\":\"Color\",\"value\":\"Blue\"}],\"info_buyRequest\":[1,}||1",
        "[1,}||1"})
    void productOptionsGiveTheAttributesInfosLabelsAndValuesAndOnlyNonJsonIsAWarning(String options, String expected,
                                                                                     long warnings) {
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT),
                snapshot(5L, "EUR", List.of(item(1, null, "SKU-1", "1", options))));

        List<String> selected = new ArrayList<>();
        event.get("productListItems").get(0).path("selectedOptions").forEach(option ->
                selected.add(option.get("attribute").asText() + "=" + option.get("value").asText()));
        assertThat(String.join(",", selected)).isEqualTo(expected == null ? "" : expected);
        assertThat(mapper.warnings()).isEqualTo(warnings);
    }

    @Test
    void aShipmentListsItsOwnItemsAndQuantitiesWithTheOrderItemsOptions() {
        Map<String, Object> shipment = Map.of("entity_id", 3L, "created_at", CHANGED_AT);
        List<Map<String, Object>> shipped = List.of(Map.of("order_item_id", 1L, "sku", "FY-TEE-M-Blue",
                "name", "Tee", "qty", new BigDecimal("1.0000"), "row_total", new BigDecimal("25.0000")));
        XdmEvent event = mapper.map(new OrderChange(OrderChangeKind.SHIPPED, 42, "000000042", 3, CHANGED_AT),
                with(snapshot(5L, "EUR", configurableTee()), OrderChangeKind.SHIPPED,
                        new SalesDocument(shipment, shipped, List.of())));

        assertThat(event.get("productListItems").size()).isEqualTo(1);
        var tee = event.get("productListItems").get(0);
        assertThat(tee.get("quantity").asInt()).isEqualTo(1);
        assertThat(tee.get("priceTotal").asDouble()).isEqualTo(25.0);
        assertThat(tee.get("selectedOptions").get(0).get("value").asText()).isEqualTo("Blue");
        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
    }

    /**
     * Lines work out what an order's events share once: each line is still that event's own JSON, and the warnings
     * are still counted per event, for a registered customer and a guest, with the shipping address listed before
     * the billing one and after it, documents with items of their own, and with and without encoded names.
     */
    @ParameterizedTest
    @CsvSource({"5, true, false", "5, false, true", ", true, true", ", false, false"})
    void anOrdersLinesAreEachEventsJsonByteForByteWithTheSameWarnings(Long customerId, boolean billingFirst,
                                                                      boolean namesEncoded) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>(configurableTee());
        items.add(item(4, null, "BAD-QTY", "-1", "{not json"));
        SalesOrder base = snapshot(customerId, "EUR", items);
        Map<String, Object> shipped = Map.of("order_item_id", 1L, "sku", "FY-TEE-M-Blue", "name", "Tee",
                "qty", new BigDecimal("1.0000"), "row_total", new BigDecimal("25.0000"));
        SalesDocument invoice = new SalesDocument(Map.of("entity_id", 7L, "grand_total", new BigDecimal("20.0000"),
                "created_at", CHANGED_AT), List.of(), List.of());
        SalesDocument shipment = new SalesDocument(Map.of("entity_id", 3L, "created_at", CHANGED_AT),
                List.of(shipped), List.of(Map.of("track_number", "9400100000")));
        SalesDocument creditMemo = new SalesDocument(Map.of("entity_id", 9L, "grand_total", new BigDecimal("25.5000"),
                "order_currency_code", "EUR", "transaction_id", "R-9"), List.of(shipped), List.of());
        Map<String, Object> shipTo = Map.of("address_type", "shipping", "street", "Am Kai 5", "city", "Hamburg",
                "postcode", "20457", "country_id", "DE");
        SalesOrder order = new SalesOrder(base.order(), base.items(), billingFirst
                ? List.of(address("billing"), shipTo) : List.of(shipTo, address("billing")), base.payments(),
                base.scope(), List.of(invoice), List.of(shipment), List.of(creditMemo));
        List<OrderChange> changes = List.of(
                new OrderChange(OrderChangeKind.PLACED, 42, "000000042", 42, PLACED_AT),
                new OrderChange(OrderChangeKind.INVOICED, 42, "000000042", 7, CHANGED_AT),
                new OrderChange(OrderChangeKind.SHIPPED, 42, "000000042", 3, CHANGED_AT),
                new OrderChange(OrderChangeKind.CREDIT_MEMO, 42, "000000042", 9, CHANGED_AT),
                new OrderChange(OrderChangeKind.CANCELLED, 42, "000000042", 42, CHANGED_AT));
        OrderEventMapper eventByEvent = new OrderEventMapper("commerceCustomerId");
        StringBuilder expected = new StringBuilder();
        for (OrderChange change : changes) {
            expected.append(eventByEvent.map(change, order).toJson()).append('\n');
        }

        OrderEventMapper lines = new OrderEventMapper("commerceCustomerId");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        JsonGenerator plain = Xdm.JSON.createGenerator(buffer);
        try (JsonGenerator out = namesEncoded ? new PreEncodedFieldNames(16).wrap(plain) : plain) {
            out.setRootValueSeparator(null);
            lines.writeLines(changes, order, out);
        }

        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(lines.warnings()).as("quantity and product_options in the three events listing the order's items").isEqualTo(6)
                .isEqualTo(eventByEvent.warnings());
    }

    @Test
    void aChangeWhoseDocumentIsMissingCannotBeMapped() {
        OrderChange invoiced = new OrderChange(OrderChangeKind.INVOICED, 42, "000000042", 99, CHANGED_AT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.map(invoiced,
                        snapshot(5L, "EUR", configurableTee())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no invoiced document 99");
    }
}

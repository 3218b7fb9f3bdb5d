package dev.ferry.core.sales;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.xdm.AuthenticatedState;
import dev.ferry.core.xdm.CommerceScope;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.Order;
import dev.ferry.core.xdm.ProductListItem;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.core.xdm.XdmNodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Magento rows to one XDM ExperienceEvent per business change, in the keys the compat schema has. A value that
 * Magento would never write (NULL currency, negative quantity, unparseable product_options) is left out and
 * counted in {@link #warnings()}; the event is still sent. An order state Magento does not have is counted too:
 * no field is made from it, but it tells that something other than Magento wrote the row.
 */
public final class OrderEventMapper {

    private static final Pattern NUMERIC_TRACK = Pattern.compile("^[0-9]{1,15}$");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
    /** The address's street lines' names, as constants so that generators can keep them encoded. */
    private static final List<String> STREETS = List.of("street1", "street2", "street3", "street4");
    /** Magento\Sales\Model\Order's states. */
    private static final Set<String> MAGENTO_STATES = Set.of("new", "pending_payment", "payment_review", "processing",
            "complete", "closed", "canceled", "holded");

    private final String customerIdNamespace;
    private final AtomicLong warnings = new AtomicLong();

    public OrderEventMapper(String customerIdNamespace) {
        this.customerIdNamespace = customerIdNamespace;
    }

    public long warnings() {
        return warnings.get();
    }

    /**
     * @param change   what changed
     * @param snapshot the order as it is now, with the invoice, shipment or credit memo the change is about
     * @throws IllegalArgumentException when the rows cannot make an event at all (no increment_id, the change's
     *                                  document is missing)
     */
    public XdmEvent map(OrderChange change, SalesOrder snapshot) {
        SharedParts shared = new SharedParts(snapshot);
        return XdmEvent.wrap(XdmNodes.tree(out -> write(change, snapshot, shared, out)), incrementId(change, snapshot));
    }

    /**
     * Writes the events of an order's changes as JSON Lines: each the JSON of {@link #map(OrderChange, SalesOrder)}
     * byte for byte, then a newline. What the events share (the parsed product options, the e-mail hash, the order's
     * dates) is worked out once, and no tree is built.
     *
     * @throws IllegalArgumentException as {@link #map(OrderChange, SalesOrder)}; what was written by then is not a
     *                                  whole order's lines
     */
    public void writeLines(List<OrderChange> changes, SalesOrder snapshot, JsonGenerator out) throws IOException {
        SharedParts shared = new SharedParts(snapshot);
        for (OrderChange change : changes) {
            write(change, snapshot, shared, out);
            out.writeRaw('\n');
        }
    }

    private static String incrementId(OrderChange change, SalesOrder snapshot) {
        String incrementId = text(snapshot.order().get("increment_id"));
        if (incrementId == null) {
            throw new IllegalArgumentException("sales_order " + change.orderId() + " has no increment_id");
        }
        return incrementId;
    }

    /**
     * One event, written in the order its keys have always had: commerce (order, then shipping and billing in the
     * order the rows first name them, then commerceScope), productListItems, then the identities and e-mail.
     */
    private void write(OrderChange change, SalesOrder snapshot, SharedParts shared, JsonGenerator out)
            throws IOException {
        Map<String, Object> order = snapshot.order();
        String incrementId = incrementId(change, snapshot);
        OrderChangeKind kind = change.kind();
        SalesDocument document = null;
        if (kind == OrderChangeKind.INVOICED || kind == OrderChangeKind.SHIPPED || kind == OrderChangeKind.CREDIT_MEMO) {
            document = snapshot.document(kind, change.subEntityId()).orElseThrow(() -> new IllegalArgumentException(
                    "order " + incrementId + " has no " + kind.code() + " document " + change.subEntityId()));
        }
        Map<String, Object> subRow = document == null ? Map.of() : document.row();
        String state = text(order.get("state"));
        if (state == null || !MAGENTO_STATES.contains(state)) {
            warnings.incrementAndGet();
        }

        String currency = currency(order.get("order_currency_code"));
        List<Order.Payment> payments = new ArrayList<>();
        for (Map<String, Object> payment : snapshot.payments()) {
            payments.add(new Order.Payment(text(payment.get("method")), money(payment.get("amount_paid") != null
                    ? payment.get("amount_paid") : payment.get("amount_ordered")),
                    text(payment.get("last_trans_id")), currency));
        }
        List<Order.Refund> refunds = null;
        if (kind == OrderChangeKind.CREDIT_MEMO) {
            String method = snapshot.payments().isEmpty() ? null : text(snapshot.payments().get(0).get("method"));
            refunds = List.of(new Order.Refund(refundPaymentType(method), null, money(subRow.get("grand_total")),
                    text(subRow.get("transaction_id")), currency(subRow.getOrDefault("order_currency_code",
                    order.get("order_currency_code")))));
        }
        String cancelDate = kind == OrderChangeKind.CANCELLED ? Xdm.timestamp(change.time()) : null;
        Order commerceOrder = new Order(incrementId, money(order.get("grand_total")), money(order.get("tax_amount")),
                absolute(money(order.get("discount_amount"))), currency, null, shared.createdDate(),
                shared.updatedDate(), cancelDate, payments.isEmpty() ? null : payments, refunds);
        Shipping shipping = shipping(kind, order, currency, snapshot.addresses(), subRow, document);
        // A shipment or credit memo is about its own items and quantities, not the whole order's.
        List<ProductListItem> items = document == null || document.items().isEmpty()
                ? items(snapshot.items(), currency, shared) : documentItems(document.items(), currency, shared);
        Map<String, Object> scope = snapshot.scope();

        out.writeStartObject();
        out.writeStringField("_id", EventIds.deterministic("commerce-order", incrementId, kind.code(),
                String.valueOf(change.subEntityId())));
        out.writeStringField("timestamp", Xdm.timestamp(change.time()));
        out.writeStringField("eventType", kind.eventType());
        out.writeObjectFieldStart("commerce");
        out.writeFieldName("order");
        commerceOrder.writeTo(out);
        shipping.writeTo(out);
        if (!scope.isEmpty()) {
            out.writeFieldName("commerceScope");
            new CommerceScope(null, text(scope.get("website_code")), text(scope.get("store_code")),
                    text(scope.get("store_view_code"))).writeTo(out);
        }
        out.writeEndObject();
        if (!items.isEmpty()) {
            out.writeArrayFieldStart("productListItems");
            for (ProductListItem item : items) {
                item.writeTo(out);
            }
            out.writeEndArray();
        }
        writeIdentities(order, shared, out);
        out.writeEndObject();
    }

    /**
     * commerce.shipping and commerce.billing as they are written: shipping (method, amount, currency, address, ship
     * date, tracking number) is there once any of it is, and billing (its address) goes first when the billing
     * address row comes before anything of shipping.
     */
    private record Shipping(String method, Double amount, String currency, Map<String, Object> address,
                            String shipDate, Long trackingNumber, Map<String, Object> billingAddress,
                            boolean billingFirst) {

        void writeTo(JsonGenerator out) throws IOException {
            if (billingFirst) {
                writeBilling(out);
            }
            if (method != null || amount != null || currency != null || address != null || shipDate != null
                    || trackingNumber != null) {
                out.writeObjectFieldStart("shipping");
                if (method != null) {
                    out.writeStringField("shippingMethod", method);
                }
                if (amount != null) {
                    out.writeNumberField("shippingAmount", amount.doubleValue());
                }
                if (currency != null) {
                    out.writeStringField("currencyCode", currency);
                }
                if (address != null) {
                    out.writeFieldName("address");
                    writeAddress(address, out);
                }
                if (shipDate != null) {
                    out.writeStringField("shipDate", shipDate);
                }
                if (trackingNumber != null) {
                    out.writeNumberField("trackingNumber", trackingNumber.longValue());
                }
                out.writeEndObject();
            }
            if (!billingFirst) {
                writeBilling(out);
            }
        }

        private void writeBilling(JsonGenerator out) throws IOException {
            if (billingAddress != null) {
                out.writeObjectFieldStart("billing");
                out.writeFieldName("address");
                writeAddress(billingAddress, out);
                out.writeEndObject();
            }
        }
    }

    private static Shipping shipping(OrderChangeKind kind, Map<String, Object> order, String currency,
                                     List<Map<String, Object>> addresses, Map<String, Object> subRow,
                                     SalesDocument document) {
        String method = text(order.get("shipping_method"));
        Double amount = money(order.get("shipping_amount"));
        String shippingCurrency = order.get("shipping_amount") != null ? currency : null;
        boolean shippingStarted = method != null || amount != null;
        Map<String, Object> shippingAddress = null;
        Map<String, Object> billingAddress = null;
        boolean billingFirst = false;
        for (Map<String, Object> address : addresses) {
            String type = text(address.get("address_type"));
            if ("shipping".equals(type)) {
                shippingAddress = address;
                shippingStarted = true;
            } else if ("billing".equals(type)) {
                billingFirst |= billingAddress == null && !shippingStarted;
                billingAddress = address;
            }
        }
        String shipDate = null;
        Long trackingNumber = null;
        if (kind == OrderChangeKind.SHIPPED) {
            shipDate = date(subRow.get("created_at"));
            for (Map<String, Object> track : document.tracks()) {
                String number = text(track.get("track_number"));
                if (number != null && NUMERIC_TRACK.matcher(number.trim()).matches()) {
                    // The compat schema types trackingNumber as a number; carriers' alphanumeric numbers are left out.
                    trackingNumber = Long.parseLong(number.trim());
                    break;
                }
            }
        }
        return new Shipping(method, amount, shippingCurrency, shippingAddress, shipDate, trackingNumber,
                billingAddress, billingFirst);
    }

    /**
     * identityMap (the customer id when there is one, then the e-mail hash) and personalEmail; a registered
     * customer's identityMap comes first, a guest's after the e-mail it is made of.
     */
    private void writeIdentities(Map<String, Object> order, SharedParts shared, JsonGenerator out)
            throws IOException {
        String email = text(order.get("customer_email"));
        boolean hasEmail = email != null && !email.isBlank();
        Object customerId = order.get("customer_id");
        boolean guest = customerId == null;
        if (!guest) {
            out.writeObjectFieldStart("identityMap");
            out.writeArrayFieldStart(customerIdNamespace);
            writeIdentity(String.valueOf(customerId), true, AuthenticatedState.AUTHENTICATED, out);
            boolean sameNamespace = customerIdNamespace.equals(Identities.EMAIL_LC_SHA256);
            if (hasEmail && sameNamespace) {
                writeIdentity(shared.emailSha256(email), false, null, out);
            }
            out.writeEndArray();
            if (hasEmail && !sameNamespace) {
                out.writeArrayFieldStart(Identities.EMAIL_LC_SHA256);
                writeIdentity(shared.emailSha256(email), false, null, out);
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        if (hasEmail) {
            out.writeObjectFieldStart("personalEmail");
            out.writeStringField("address", email.trim());
            out.writeEndObject();
            if (guest) {
                out.writeObjectFieldStart("identityMap");
                out.writeArrayFieldStart(Identities.EMAIL_LC_SHA256);
                writeIdentity(shared.emailSha256(email), true, null, out);
                out.writeEndArray();
                out.writeEndObject();
            }
        }
    }

    private static void writeIdentity(String id, boolean primary, AuthenticatedState state, JsonGenerator out)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id);
        out.writeBooleanField("primary", primary);
        if (state != null) {
            out.writeStringField("authenticatedState", state.xdmValue());
        }
        out.writeEndObject();
    }

    /** refundPaymentType is an enumeration in XDM; Magento's payment method codes map onto it. */
    static String refundPaymentType(String method) {
        if (method == null) {
            return null;
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (m.equals("checkmo")) {
            return "check";
        }
        if (m.equals("cashondelivery")) {
            return "cash";
        }
        if (m.equals("banktransfer")) {
            return "wire_transfer";
        }
        if (m.startsWith("paypal")) {
            return "paypal";
        }
        if (m.startsWith("braintree") || m.startsWith("authorizenet") || m.startsWith("stripe") || m.equals("ccsave")
                || m.startsWith("adyen_cc") || m.startsWith("payflowpro")) {
            return "credit_card";
        }
        return "other";
    }

    private List<ProductListItem> items(List<Map<String, Object>> rows, String currency, SharedParts shared) {
        List<ProductListItem> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("parent_item_id") != null) {
                continue; // a configurable's child: the parent row carries the SKU, price and options once
            }
            items.add(new ProductListItem(text(row.get("sku")), text(row.get("name")), quantity(row.get("qty_ordered")),
                    money(row.get("row_total")), currency, absolute(money(row.get("discount_amount"))), null,
                    selectedOptions(row, shared)));
        }
        return items;
    }

    /**
     * Shipment or credit memo items: a configurable's child row (its order item has a parent) is left out as on
     * the order; the options come from the order item the document item points at.
     */
    private List<ProductListItem> documentItems(List<Map<String, Object>> rows, String currency, SharedParts shared) {
        List<ProductListItem> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> orderItem = shared.orderItem(row.get("order_item_id"));
            if (orderItem.get("parent_item_id") != null) {
                continue;
            }
            items.add(new ProductListItem(text(row.get("sku")), text(row.get("name")), quantity(row.get("qty")),
                    money(row.get("row_total")), currency, absolute(money(row.get("discount_amount"))), null,
                    selectedOptions(orderItem, shared)));
        }
        return items;
    }

    private Integer quantity(Object value) {
        Double qty = money(value);
        if (qty != null && qty < 0) {
            warnings.incrementAndGet();
            return null;
        }
        return qty == null ? null : (int) Math.round(qty);
    }

    /** The order item's options; a product_options that does not parse counts a warning each time it is used. */
    private List<ProductListItem.SelectedOption> selectedOptions(Map<String, Object> orderItem, SharedParts shared) {
        ParsedOptions parsed = shared.options(orderItem);
        if (parsed.unparseable()) {
            warnings.incrementAndGet();
        }
        return parsed.options();
    }

    private static ParsedOptions parseOptions(Object productOptions) {
        String json = text(productOptions);
        if (json == null || json.isBlank()) {
            return ParsedOptions.NONE;
        }
        try {
            JsonNode attributes = attributesInfo(json);
            List<ProductListItem.SelectedOption> options = new ArrayList<>();
            for (JsonNode attribute : attributes) {
                if (attribute.hasNonNull("label") && attribute.hasNonNull("value")) {
                    options.add(new ProductListItem.SelectedOption(attribute.get("label").asText(),
                            attribute.get("value").asText()));
                }
            }
            return new ParsedOptions(options.isEmpty() ? null : List.copyOf(options), false);
        } catch (Exception e) {
            return ParsedOptions.UNPARSEABLE;
        }
    }

    /**
     * product_options' {@code attributes_info}, missing when it has none. Only that part becomes a tree: the rest
     * (info_buyRequest is most of it) is checked to be JSON and skipped, as reading it all into a tree was a tenth
     * of a history export's mapping.
     *
     * @throws IOException when product_options is not JSON
     */
    private static JsonNode attributesInfo(String productOptions) throws IOException {
        JsonNode attributes = MissingNode.getInstance();
        try (JsonParser parser = Xdm.JSON.createParser(productOptions)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return attributes;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = "attributes_info".equals(parser.currentName());
                parser.nextToken();
                if (wanted) {
                    // a repeated key counts as its last, as in a tree
                    attributes = Xdm.JSON.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return attributes == null ? MissingNode.getInstance() : attributes;
    }

    /** An order item's selected options (null for none), or that its product_options is not JSON. */
    private record ParsedOptions(List<ProductListItem.SelectedOption> options, boolean unparseable) {
        static final ParsedOptions NONE = new ParsedOptions(null, false);
        static final ParsedOptions UNPARSEABLE = new ParsedOptions(null, true);
    }

    /**
     * What the events of one order have in common, worked out the first time an event needs it: an order has
     * about three events, each listing the same items, so parsing product_options (JSON) and hashing the e-mail
     * once per order instead of once per event is most of the mapping's cost saved.
     */
    private static final class SharedParts {
        private final SalesOrder snapshot;
        private final Map<Map<String, Object>, ParsedOptions> options = new IdentityHashMap<>();
        private Map<Long, Map<String, Object>> orderItemsById;
        private String createdDate;
        private String updatedDate;
        private String emailSha256;

        SharedParts(SalesOrder snapshot) {
            this.snapshot = snapshot;
        }

        ParsedOptions options(Map<String, Object> orderItem) {
            return options.computeIfAbsent(orderItem, item -> parseOptions(item.get("product_options")));
        }

        /** The order item a document item points at by order_item_id; empty when it points nowhere. */
        Map<String, Object> orderItem(Object orderItemId) {
            if (orderItemsById == null) {
                orderItemsById = new HashMap<>();
                for (Map<String, Object> item : snapshot.items()) {
                    orderItemsById.put(((Number) item.get("item_id")).longValue(), item);
                }
            }
            return orderItemId == null ? Map.of()
                    : orderItemsById.getOrDefault(((Number) orderItemId).longValue(), Map.of());
        }

        String createdDate() {
            if (createdDate == null) {
                createdDate = date(snapshot.order().get("created_at"));
            }
            return createdDate;
        }

        String updatedDate() {
            if (updatedDate == null) {
                updatedDate = date(snapshot.order().get("updated_at"));
            }
            return updatedDate;
        }

        String emailSha256(String email) {
            if (emailSha256 == null) {
                emailSha256 = Identities.emailSha256(email);
            }
            return emailSha256;
        }
    }

    /** street1..4 from the street lines, then city, region, postalCode, countryCode; blanks left out. */
    private static void writeAddress(Map<String, Object> row, JsonGenerator out) throws IOException {
        out.writeStartObject();
        String street = text(row.get("street"));
        if (street != null) {
            String[] lines = street.split("\n");
            for (int i = 0; i < Math.min(lines.length, STREETS.size()); i++) {
                out.writeStringField(STREETS.get(i), lines[i]);
            }
        }
        writeText(out, "city", row.get("city"));
        writeText(out, "region", row.get("region"));
        writeText(out, "postalCode", row.get("postcode"));
        writeText(out, "countryCode", row.get("country_id"));
        out.writeEndObject();
    }

    private static void writeText(JsonGenerator out, String key, Object value) throws IOException {
        String text = text(value);
        if (text != null && !text.isBlank()) {
            out.writeStringField(key, text);
        }
    }

    private String currency(Object value) {
        String code = text(value);
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            warnings.incrementAndGet();
            return null;
        }
        return code.toUpperCase(Locale.ROOT);
    }

    private static String date(Object value) {
        return value instanceof Instant instant ? Xdm.timestamp(instant) : null;
    }

    private static Double money(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal amount = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        return Xdm.money(amount);
    }

    private static Double absolute(Double value) {
        return value == null ? null : Math.abs(value);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

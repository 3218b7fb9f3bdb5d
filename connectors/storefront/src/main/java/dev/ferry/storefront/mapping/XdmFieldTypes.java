package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings the fields the mapping fills to the JSON type the XDM schema declares, as AEP would otherwise reject the
 * whole event: a number where XDM has text becomes text (a numeric SKU), numeric text where XDM has a number becomes
 * a number, a currency code is upper-cased. A value that cannot be brought to its type (a fractional quantity, a
 * currency that is not three letters, an object where text belongs) rejects the event with the field's path; an
 * email address that is not one is left out. It also drops null fields and empty objects, which AEP treats as
 * absent. Keys the mapping does not fill are left as
 * the page sent them.
 */
public final class XdmFieldTypes {

    private enum Type { TEXT, NUMBER, INTEGER, CURRENCY, SORT_ORDER, EMAIL }

    private static final List<Field> FIELDS = Stream.of(
            Map.entry("web.webPageDetails.siteSection", Type.TEXT),
            Map.entry("web.webPageDetails.name", Type.TEXT),
            Map.entry("web.webPageDetails.URL", Type.TEXT),
            Map.entry("web.webReferrer.URL", Type.TEXT),
            Map.entry("commerce.cart.cartID", Type.TEXT),
            Map.entry("commerce.order.purchaseID", Type.TEXT),
            Map.entry("commerce.order.currencyCode", Type.CURRENCY),
            Map.entry("commerce.order.priceTotal", Type.NUMBER),
            Map.entry("commerce.order.taxAmount", Type.NUMBER),
            Map.entry("commerce.order.discountAmount", Type.NUMBER),
            Map.entry("commerce.order.payments[].paymentType", Type.TEXT),
            Map.entry("commerce.order.payments[].transactionID", Type.TEXT),
            Map.entry("commerce.order.payments[].paymentAmount", Type.NUMBER),
            Map.entry("commerce.order.payments[].currencyCode", Type.CURRENCY),
            Map.entry("commerce.promotionID", Type.TEXT),
            Map.entry("commerce.shipping.shippingMethod", Type.TEXT),
            Map.entry("commerce.shipping.shippingAmount", Type.NUMBER),
            Map.entry("commerce.requisitionList.ID", Type.TEXT),
            Map.entry("commerce.requisitionList.name", Type.TEXT),
            Map.entry("commerce.requisitionList.description", Type.TEXT),
            Map.entry("person.accountID", Type.TEXT),
            Map.entry("personalEmail.address", Type.EMAIL),
            Map.entry("productListItems[].SKU", Type.TEXT),
            Map.entry("productListItems[].name", Type.TEXT),
            Map.entry("productListItems[].productImageUrl", Type.TEXT),
            Map.entry("productListItems[].quantity", Type.INTEGER),
            Map.entry("productListItems[].priceTotal", Type.NUMBER),
            Map.entry("productListItems[].discountAmount", Type.NUMBER),
            Map.entry("productListItems[].currencyCode", Type.CURRENCY),
            Map.entry("productListItems[].selectedOptions[].attribute", Type.TEXT),
            Map.entry("productListItems[].selectedOptions[].value", Type.TEXT),
            Map.entry("siteSearch.query", Type.TEXT),
            Map.entry("siteSearch.numberOfResults", Type.INTEGER),
            Map.entry("siteSearch.sort[].attribute", Type.TEXT),
            Map.entry("siteSearch.sort[].order", Type.SORT_ORDER),
            Map.entry("siteSearch.suggestions[]", Type.TEXT),
            Map.entry("searchRequest.id", Type.TEXT),
            Map.entry("searchResponse.id", Type.TEXT))
            .map(field -> new Field(List.of(field.getKey().split("\\.")), field.getValue())).toList();

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> SORT_ORDERS = Set.of("ASC", "DESC", "RELEVANCE");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private XdmFieldTypes() {
    }

    public static void normalise(ObjectNode xdm) {
        FIELDS.forEach(field -> apply(xdm, field.keys(), 0, null, field.type()));
        prune(xdm);
    }

    private static void apply(JsonNode node, List<String> keys, int at, FieldPath path, Type type) {
        String key = keys.get(at);
        boolean array = key.endsWith("[]");
        String name = array ? key.substring(0, key.length() - 2) : key;
        if (!(node instanceof ObjectNode parent) || !parent.has(name)) {
            return;
        }
        FieldPath here = new FieldPath(path, name, -1);
        JsonNode child = parent.get(name);
        boolean last = at == keys.size() - 1;
        if (array) {
            if (!(child instanceof ArrayNode items)) {
                if (!child.isNull()) {
                    throw new MappingException(here + " must be an array");
                }
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                FieldPath element = new FieldPath(path, name, i);
                if (last) {
                    items.set(i, coerce(items.get(i), type, element));
                } else {
                    apply(items.get(i), keys, at + 1, element, type);
                }
            }
        } else if (last) {
            parent.set(name, coerce(child, type, here));
        } else {
            apply(child, keys, at + 1, here, type);
        }
    }

    private static JsonNode coerce(JsonNode value, Type type, FieldPath path) {
        if (value.isNull()) {
            return value;
        }
        return switch (type) {
            case TEXT -> {
                if (value.isTextual()) {
                    yield value;
                }
                if (value.isNumber()) {
                    yield Js.NODES.textNode(Js.numberText(value.doubleValue()));
                }
                if (value.isBoolean()) {
                    yield Js.NODES.textNode(value.asText());
                }
                throw new MappingException(path + " must be text, not " + describe(value));
            }
            case NUMBER -> Js.numberNode(number(value, path));
            case INTEGER -> {
                double number = number(value, path);
                if (number != Math.rint(number)) {
                    throw new MappingException(path + " must be a whole number, not " + Js.numberText(number));
                }
                yield Js.numberNode(number);
            }
            case CURRENCY -> {
                String code = value.isTextual() ? value.textValue().strip().toUpperCase(Locale.ROOT) : "";
                if (!CURRENCY.matcher(code).matches()) {
                    throw new MappingException(path + " must be a three-letter currency code, not " + describe(value));
                }
                yield Js.NODES.textNode(code);
            }
            case SORT_ORDER -> {
                String order = value.isTextual() ? value.textValue().strip().toUpperCase(Locale.ROOT) : "";
                if (!SORT_ORDERS.contains(order)) {
                    throw new MappingException(path + " must be ASC, DESC or RELEVANCE, not " + describe(value));
                }
                yield Js.NODES.textNode(order);
            }
            case EMAIL -> value.isTextual() && EMAIL.matcher(value.textValue().strip()).matches()
                    ? Js.NODES.textNode(value.textValue().strip())
                    // Not an address AEP would take: left out rather than losing the event (an order, say).
                    : Js.NODES.nullNode();
        };
    }

    private static double number(JsonNode value, FieldPath path) {
        double number = value.isNumber() || value.isTextual() && !value.textValue().isBlank()
                ? Js.number(value) : Double.NaN;
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new MappingException(path + " must be a number, not " + describe(value));
        }
        return number;
    }

    private static String describe(JsonNode value) {
        if (value.isValueNode()) {
            String text = value.toString();
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
        return value.isArray() ? "an array" : "an object";
    }

    /** A field the table lists: its keys from the root ({@code name[]} for each element of an array) and its type. */
    private record Field(List<String> keys, Type type) {
    }

    /**
     * Where a value sits, for the message that rejects it ({@code productListItems[0].quantity}); spelled out only
     * when a value is rejected, since normalising visits every listed field of every event.
     */
    private record FieldPath(FieldPath parent, String name, int index) {
        @Override
        public String toString() {
            String here = index < 0 ? name : name + "[" + index + "]";
            return parent == null ? here : parent + "." + here;
        }
    }

    /** Drops null fields and objects left empty, recursively; arrays are kept as they are. */
    public static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                JsonNode value = fields.next().getValue();
                if (value.isNull() || value.isObject() && prune(value)) {
                    fields.remove();
                } else if (value.isArray()) {
                    value.forEach(XdmFieldTypes::prune);
                }
            }
            return object.isEmpty();
        }
        return false;
    }
}

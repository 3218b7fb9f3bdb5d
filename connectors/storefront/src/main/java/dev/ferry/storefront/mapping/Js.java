package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few JavaScript semantics Adobe's collector relies on, so a mapper written in Java reads like the rule it
 * implements: {@code a || b} ({@link #or}), {@code a ?? b} ({@link #coalesce}), {@code Number(x)} ({@link #number}),
 * {@code String(x)} ({@link #string}) and {@code Number(x.toFixed(2))} ({@link #toFixed2}). Absent values are
 * {@link MissingNode}, as {@code undefined} is in JavaScript; {@link JsonNode#path} keeps them absent down a chain,
 * as {@code ?.} does.
 */
public final class Js {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Js() {
    }

    /** JavaScript truthiness: false for undefined, null, false, 0, NaN and "". */
    public static boolean truthy(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return number != 0 && !Double.isNaN(number);
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return true;
    }

    /** {@code a || b}. */
    public static JsonNode or(JsonNode a, JsonNode b) {
        return truthy(a) ? a : orMissing(b);
    }

    /** {@code a ?? b}. */
    public static JsonNode coalesce(JsonNode a, JsonNode b) {
        return a == null || a.isMissingNode() || a.isNull() ? orMissing(b) : a;
    }

    /** {@code Number(x)}: NaN for what JavaScript cannot read as a number, 0 for null and "". */
    public static double number(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Double.NaN;
        }
        if (value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.isEmpty()) {
                return 0;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * {@code Number(x.toFixed(2))}: JavaScript rounds the exact binary value half away from zero, so 1.005 (stored as
     * 1.00499999…) becomes 1.00, as in the browser.
     */
    public static double toFixed2(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code String(x)} for the scalars the collector stringifies (ids): "undefined" and "null" included. */
    public static String string(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return numberText(value.doubleValue());
        }
        return value.asText();
    }

    /** A JavaScript number as JSON.stringify writes it: whole numbers without a fraction, NaN as null. */
    public static JsonNode numberNode(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NODES.nullNode();
        }
        if (value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
            return NODES.numberNode((long) value);
        }
        return NODES.numberNode(value);
    }

    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * {@code parent.key = parent.key || {}}: the object at that key, created when absent. A custom context that put a
     * string or number where XDM has an object cannot be extended; JavaScript would throw there and the collector
     * would send nothing, so the event is rejected.
     */
    public static ObjectNode object(ObjectNode parent, String key, String path) {
        JsonNode existing = parent.get(key);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        if (truthy(existing)) {
            throw new MappingException(path + " must be an object, not " + existing.getNodeType().name().toLowerCase());
        }
        return parent.putObject(key);
    }

    /** {@code target.key = target.key || fallback}; an absent result leaves the key out. */
    public static void setOr(ObjectNode target, String key, JsonNode fallback) {
        put(target, key, or(target.get(key), fallback));
    }

    /** Sets a value, leaving the key out when it is absent or null (JSON.stringify drops undefined). */
    public static void put(ObjectNode target, String key, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            target.remove(key);
        } else {
            target.set(key, value);
        }
    }

    /** {@code {value: 1}}, the XDM measure every collector handler sets. */
    public static ObjectNode measure() {
        return NODES.objectNode().put("value", 1);
    }

    private static JsonNode orMissing(JsonNode value) {
        return value == null ? MissingNode.getInstance() : value;
    }
}

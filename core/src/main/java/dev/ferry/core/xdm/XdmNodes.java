package dev.ferry.core.xdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The XDM records' JSON, put together field by field as Xdm's mapper would write it: absent values left out. */
final class XdmNodes {

    private XdmNodes() {
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Double value) {
        if (value != null) {
            node.put(field, value.doubleValue());
        }
    }

    /**
     * The node databind would make of a value, without its serialise-then-read round trip for the values XDM
     * events carry most (text, numbers, booleans, trees and the typed XDM parts).
     */
    static JsonNode of(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number.doubleValue());
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number.intValue());
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number.longValue());
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof Order order) {
            return order.toXdm();
        }
        if (value instanceof CommerceScope scope) {
            return scope.toXdm();
        }
        return Xdm.JSON.valueToTree(value);
    }
}

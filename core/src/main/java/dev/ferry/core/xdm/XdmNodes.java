package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * XDM written field by field as Xdm's mapper would write it (absent values left out), straight to a generator, or
 * into a tree for the events that are kept as one.
 */
public final class XdmNodes {

    /** Writes one JSON object to a generator. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(JsonGenerator out) throws IOException;
    }

    private XdmNodes() {
    }

    static void write(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    static void write(JsonGenerator out, String field, Double value) throws IOException {
        if (value != null) {
            out.writeNumberField(field, value.doubleValue());
        }
    }

    /** What a writer writes, as a tree: numbers keep their types (a double stays a double, a long a long). */
    public static ObjectNode tree(Writer writer) {
        try (TokenBuffer buffer = new TokenBuffer(Xdm.JSON, false)) {
            writer.writeTo(buffer);
            return (ObjectNode) Xdm.JSON.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * The node databind would make of a value, without its serialise-then-read round trip for the values XDM
     * events carry most (text, numbers, booleans, trees).
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

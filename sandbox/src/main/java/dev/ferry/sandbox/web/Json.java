package dev.ferry.sandbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The sandbox's one Jackson mapper, and small helpers around it. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses JSON, or returns empty when the bytes are not JSON. */
    public static Optional<JsonNode> parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether those bytes start with UTF-8's byte order mark, which Jackson's byte parser skips although text holding
     * it is no JSON.
     */
    public static boolean startsWithByteOrderMark(byte[] bytes, int offset, int length) {
        return length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF;
    }

    /** Parses JSON from part of an array, or returns empty when those bytes are not JSON. */
    public static Optional<JsonNode> parse(byte[] bytes, int offset, int length) {
        try {
            JsonNode node = MAPPER.readTree(bytes, offset, length);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text field of an object, or an empty string when absent or not text. */
    public static String textField(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }
}

package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * {@code "type": "object"} with {@code properties}, {@code required} and {@code additionalProperties}.
 *
 * <p>A key met twice is left to the full validator, whose tree keeps only the last value. An object holding a kept
 * part builds a tree of its kept keys only.
 *
 * @param properties   the declared keys
 * @param requiredMask the bits of the {@link Property#index()} of every required key
 * @param additional   the rule of keys not declared, or null when none is allowed
 * @param holdsKept    whether a key is kept, or holds a kept part
 */
record ObjectRule(Map<String, Property> properties, long requiredMask, Rule additional, boolean holdsKept)
        implements Rule {

    /** The most declared keys an object may have for this check, one bit each in a long. */
    static final int MAX_PROPERTIES = Long.SIZE;

    /**
     * A declared key.
     *
     * @param index its bit, from 0
     * @param kept  whether its value goes whole into the check's result
     */
    record Property(int index, Rule rule, boolean kept) {
    }

    @Override
    public JsonNode check(JsonParser parser, boolean build) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ObjectNode object = build || holdsKept ? JsonNodeFactory.instance.objectNode() : null;
        long seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            Property property = properties.get(name);
            parser.nextToken();
            JsonNode value;
            if (property != null) {
                long bit = 1L << property.index();
                if ((seen & bit) != 0) {
                    return null;
                }
                seen |= bit;
                value = property.rule().check(parser, build || property.kept());
            } else if (additional != null) {
                value = additional.check(parser, build);
            } else {
                return null;
            }
            if (value == null) {
                return null;
            }
            if (object != null && value != VALID) {
                object.set(name, value);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || (seen & requiredMask) != requiredMask) {
            return null;
        }
        return object != null ? object : VALID;
    }
}

package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * {@code "type": "array"} with {@code items} (one schema for every item) and its size limits.
 *
 * @param items    the rule of every item
 * @param minItems the fewest items, 0 for no minimum
 * @param maxItems the most items, {@link Integer#MAX_VALUE} for no maximum
 */
record ArrayRule(Rule items, int minItems, int maxItems) implements Rule {

    @Override
    public JsonNode check(JsonParser parser, boolean build) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        ArrayNode array = build ? JsonNodeFactory.instance.arrayNode() : null;
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonNode item = token == null ? null : items.check(parser, build);
            if (item == null) {
                return null;
            }
            if (build) {
                array.add(item);
            }
            count++;
        }
        if (count < minItems || count > maxItems) {
            return null;
        }
        return build ? array : VALID;
    }
}

package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** {@code "type": "boolean"}. */
final class BooleanRule implements Rule {

    @Override
    public JsonNode check(JsonParser parser, boolean build) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            return null;
        }
        return build ? BooleanNode.valueOf(token == JsonToken.VALUE_TRUE) : VALID;
    }
}

package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A value the schema says nothing about: an object's extra key where {@code additionalProperties} is left open. */
final class AnyRule implements Rule {

    private final ObjectMapper mapper;

    AnyRule(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public JsonNode check(JsonParser parser, boolean build) throws IOException {
        if (build) {
            return mapper.readTree(parser);
        }
        parser.skipChildren();
        return VALID;
    }
}

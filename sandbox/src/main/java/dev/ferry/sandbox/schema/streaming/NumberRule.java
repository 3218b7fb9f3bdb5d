package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;

/**
 * {@code "type": "number"} or {@code "integer"} with {@code minimum} and {@code maximum}. A number is read as the
 * full validator's tree holds it, a long or a double; a whole number written with a fraction ({@code 2.0}) is an
 * integer, as from draft 6 on. Integers beyond a long, or beyond what a double compares exactly, are left to the
 * full validator.
 *
 * @param integer whether only whole numbers are allowed
 * @param minimum the smallest allowed, {@code -Infinity} for none
 * @param maximum the largest allowed, {@code Infinity} for none
 */
record NumberRule(boolean integer, double minimum, double maximum) implements Rule {

    /** Longs up to this size are doubles exactly, so comparing them with the limits as doubles is exact. */
    private static final long EXACT_IN_A_DOUBLE = 1L << 53;

    @Override
    public JsonNode check(JsonParser parser, boolean build) throws IOException {
        JsonToken token = parser.currentToken();
        if (!build && (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT && !integer)
                && minimum == Double.NEGATIVE_INFINITY && maximum == Double.POSITIVE_INFINITY) {
            // Left unparsed: any number is a number, any integer an integer, when nothing bounds it.
            return VALID;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.BIG_INTEGER) {
                return null;
            }
            long value = parser.getLongValue();
            if (Math.abs(value) > EXACT_IN_A_DOUBLE || value < minimum || value > maximum) {
                return null;
            }
            return !build ? VALID : type == JsonParser.NumberType.INT ? IntNode.valueOf((int) value)
                    : LongNode.valueOf(value);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            if (Double.isInfinite(value) || integer && value != Math.rint(value)
                    || value < minimum || value > maximum) {
                return null;
            }
            return build ? DoubleNode.valueOf(value) : VALID;
        }
        return null;
    }
}

package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code "type": "string"} with its length, {@code pattern}, {@code format} and {@code enum}. Lengths count code
 * points and a pattern may match anywhere in the value, as JSON Schema (and the full validator) has them.
 */
final class StringRule implements Rule {

    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final Predicate<String> format;
    private final Set<String> allowed;
    private final boolean constrained;
    /**
     * The last value that passed the pattern, format and enum, which the next one often repeats (a currency code, a
     * country, a shopper's address in each of an order's events). Any thread's last value will do, as each one
     * passed, so the field is left plain rather than made volatile, which would have the batch threads contend for
     * it: a String is safely shared through a race, and a stale read costs only the check it would have saved.
     */
    private String lastPassed;

    /**
     * @param minLength the fewest code points, 0 for no minimum
     * @param maxLength the most code points, {@link Integer#MAX_VALUE} for no maximum
     * @param pattern   null for none
     * @param format    the format's test, null for none
     * @param allowed   the {@code enum}'s values, null for any value
     */
    StringRule(int minLength, int maxLength, Pattern pattern, Predicate<String> format, Set<String> allowed) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.format = format;
        this.allowed = allowed;
        this.constrained = minLength > 0 || maxLength < Integer.MAX_VALUE || pattern != null || format != null
                || allowed != null;
    }

    @Override
    public JsonNode check(JsonParser parser, boolean build) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        if (!constrained && !build) {
            // Left undecoded: the parser skips a string nobody reads faster than it decodes one.
            return VALID;
        }
        String text = parser.getText();
        if (constrained && !passes(text)) {
            return null;
        }
        return build ? TextNode.valueOf(text) : VALID;
    }

    private boolean passes(String text) {
        if (!lengthAllowed(text)) {
            return false;
        }
        if (text.equals(lastPassed)) {
            return true;
        }
        if (pattern != null && !pattern.matcher(text).find()
                || format != null && !format.test(text)
                || allowed != null && !allowed.contains(text)) {
            return false;
        }
        lastPassed = text;
        return true;
    }

    private boolean lengthAllowed(String text) {
        // A string's code points number between half its chars and all of them.
        if (text.length() <= maxLength && text.length() / 2 >= minLength) {
            return true;
        }
        int codePoints = text.codePointCount(0, text.length());
        return codePoints >= minLength && codePoints <= maxLength;
    }
}

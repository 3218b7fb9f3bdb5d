package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** What one schema node asks of a value, checked on the parser's tokens as they come. */
interface Rule {

    /** What {@link #check} returns for a value proven valid when it was not asked to build the value's tree. */
    JsonNode VALID = MissingNode.getInstance();

    /**
     * Checks the value that starts at the parser's current token and leaves the parser on the value's last token.
     *
     * @param build whether to build the value's tree, for a value the check keeps
     * @return null when the value is not proven valid (it breaks a rule, or is something this check leaves to the
     *         full validator); otherwise the value's tree when {@code build} or when the value holds a kept part,
     *         else {@link #VALID}
     */
    JsonNode check(JsonParser parser, boolean build) throws IOException;
}

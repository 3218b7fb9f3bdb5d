package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The start of every event: the collector copies a non-empty {@code customContext} (XDM the page supplied) and
 * fills in only what it leaves empty, except the measure, the commerce scope, {@code _id} and {@code eventType},
 * which the handler always sets.
 */
public final class CustomContexts {

    private CustomContexts() {
    }

    public static ObjectNode base(ObjectNode eventInfo) {
        JsonNode custom = eventInfo.get(Contexts.CUSTOM);
        if (custom == null || custom.isNull()) {
            return Js.NODES.objectNode();
        }
        if (!(custom instanceof ObjectNode object)) {
            throw new MappingException("customContext must be an object of XDM fields, not "
                    + custom.getNodeType().name().toLowerCase());
        }
        return object.deepCopy();
    }
}

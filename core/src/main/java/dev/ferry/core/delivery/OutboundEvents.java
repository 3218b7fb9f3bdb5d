package dev.ferry.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns what a route carries into outbound events: {@link XdmEvent}s, {@link OutboundEvent}s, XDM as JSON text,
 * a Jackson tree or a Map, one or a collection of them. This lets Java, YAML and XML routes hand the sinks plain
 * XDM without knowing Ferry's types.
 */
public final class OutboundEvents {

    private OutboundEvents() {
    }

    public static List<OutboundEvent> from(Object body) {
        List<OutboundEvent> events = new ArrayList<>();
        collect(body, events);
        return events;
    }

    private static void collect(Object body, List<OutboundEvent> into) {
        if (body == null) {
            return;
        }
        if (body instanceof OutboundEvent event) {
            into.add(event);
        } else if (body instanceof XdmEvent event) {
            into.add(event.toOutbound());
        } else if (body instanceof Collection<?> items) {
            items.forEach(item -> collect(item, into));
        } else if (body instanceof JsonNode node) {
            collectJson(node, into);
        } else if (body instanceof Map<?, ?> map) {
            collectJson(Xdm.JSON.valueToTree(map), into);
        } else if (body instanceof String || body instanceof byte[]) {
            collectJson(parse(body), into);
        } else {
            throw new IllegalArgumentException("cannot send a " + body.getClass().getName()
                    + " as XDM; send XdmEvent, OutboundEvent, JSON text, a JsonNode or a Map");
        }
    }

    private static JsonNode parse(Object text) {
        try {
            return text instanceof byte[] bytes ? Xdm.JSON.readTree(bytes) : Xdm.JSON.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("body cannot be read: " + e.getMessage(), e);
        }
    }

    private static void collectJson(JsonNode node, List<OutboundEvent> into) {
        if (node.isArray()) {
            node.forEach(item -> collectJson(item, into));
        } else if (node instanceof ObjectNode object) {
            into.add(XdmEvent.wrap(object, null).toOutbound());
        } else {
            throw new IllegalArgumentException("an XDM event is a JSON object, not " + node.getNodeType());
        }
    }
}

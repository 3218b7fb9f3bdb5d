package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.delivery.OutboundEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One XDM ExperienceEvent in compatibility-mode keys. The typed parts Ferry builds often ({@link ProductListItem},
 * {@link CommerceScope}, {@link Order}) are records; everything else is set by its XDM path, so a mapper reads
 * like the field table in the docs.
 */
public final class XdmEvent {

    private final ObjectNode xdm;
    private final String partitionKey;

    private XdmEvent(ObjectNode xdm, String partitionKey) {
        this.xdm = xdm;
        this.partitionKey = partitionKey;
    }

    public static XdmEvent create(String id, Instant timestamp, String eventType) {
        ObjectNode xdm = Xdm.JSON.createObjectNode();
        xdm.put("_id", Objects.requireNonNull(id, "_id"));
        xdm.put("timestamp", Xdm.timestamp(timestamp));
        xdm.put("eventType", eventType);
        return new XdmEvent(xdm, null);
    }

    /** Wraps XDM that arrives already built, e.g. a dead letter being replayed. */
    public static XdmEvent wrap(ObjectNode xdm, String partitionKey) {
        if (!xdm.hasNonNull("_id")) {
            throw new IllegalArgumentException("an XDM event needs an _id");
        }
        return new XdmEvent(xdm, partitionKey);
    }

    public static XdmEvent parse(String json, String partitionKey) {
        try {
            JsonNode node = Xdm.JSON.readTree(json);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("an XDM event is a JSON object");
            }
            return wrap(object, partitionKey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String id() {
        return xdm.get("_id").asText();
    }

    public String eventType() {
        return xdm.path("eventType").asText(null);
    }

    /** Events with the same key are delivered in the order they were accepted (one shopper, one order). */
    public String partitionKey() {
        return partitionKey;
    }

    public XdmEvent partitionedBy(String key) {
        return new XdmEvent(xdm, key);
    }

    /** Adds an identity to identityMap under its namespace code. */
    public XdmEvent identity(String namespace, String id, boolean primary, AuthenticatedState state) {
        ArrayNode items = xdm.with("identityMap").withArray(namespace);
        ObjectNode item = items.addObject();
        item.put("id", id);
        item.put("primary", primary);
        if (state != null) {
            item.put("authenticatedState", state.xdmValue());
        }
        return this;
    }

    /**
     * Sets a value at a dotted XDM path, creating the objects on the way: {@code set("commerce.order.purchaseID",
     * "100")}. A {@link JsonNode} value becomes part of this event as it is, not a copy.
     */
    public XdmEvent set(String path, Object value) {
        if (value == null) {
            return this;
        }
        ObjectNode parent = xdm;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; start = dot + 1, dot = path.indexOf('.', start)) {
            parent = parent.with(path.substring(start, dot));
        }
        parent.set(path.substring(start), XdmNodes.of(value));
        return this;
    }

    /** Counts one of an XDM measure such as {@code commerce.productListAdds}: {@code {"value": 1}}. */
    public XdmEvent measure(String path) {
        return set(path + ".value", 1);
    }

    public XdmEvent productListItems(List<ProductListItem> items) {
        if (items != null && !items.isEmpty()) {
            ArrayNode array = xdm.putArray("productListItems");
            items.forEach(item -> array.add(item.toXdm()));
        }
        return this;
    }

    public XdmEvent commerceScope(CommerceScope scope) {
        return set("commerce.commerceScope", scope);
    }

    public XdmEvent order(Order order) {
        return set("commerce.order", order);
    }

    public JsonNode get(String path) {
        JsonNode node = xdm;
        for (String key : path.split("\\.")) {
            node = node.path(key);
        }
        return node;
    }

    /** The XDM itself; callers that change it change this event. */
    public ObjectNode xdm() {
        return xdm;
    }

    public String toJson() {
        try {
            return Xdm.JSON.writeValueAsString(xdm);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public OutboundEvent toOutbound() {
        return new OutboundEvent(id(), partitionKey, toJson());
    }

    @Override
    public String toString() {
        return "XdmEvent[" + eventType() + " " + id() + "]";
    }
}

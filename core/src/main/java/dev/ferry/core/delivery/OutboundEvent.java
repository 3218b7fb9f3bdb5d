package dev.ferry.core.delivery;

/**
 * An event on its way to AEP as the outbox holds it: its deterministic {@code _id}, the key that keeps one
 * shopper's events in order, and the XDM as JSON.
 */
public record OutboundEvent(String id, String partitionKey, String json) {

    /** The XDM's size on the wire (UTF-8), which is what AEP's request limits count. */
    public int sizeInBytes() {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}

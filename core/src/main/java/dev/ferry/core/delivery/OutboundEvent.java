package dev.ferry.core.delivery;

/**
 * An event on its way to AEP as the outbox holds it: its deterministic {@code _id}, the key that keeps one
 * shopper's events in order, and the XDM as JSON.
 */
public record OutboundEvent(String id, String partitionKey, String json) {

    public int sizeInBytes() {
        return json.length();
    }
}

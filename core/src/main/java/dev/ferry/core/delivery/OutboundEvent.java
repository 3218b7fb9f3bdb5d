package dev.ferry.core.delivery;

/**
 * An event on its way to AEP as the outbox holds it: its deterministic {@code _id}, the key that keeps one
 * shopper's events in order, and the XDM as JSON.
 */
public record OutboundEvent(String id, String partitionKey, String json) {

    /**
     * The XDM's size on the wire (UTF-8), which is what AEP's request limits count; counted from the JSON text
     * without encoding a copy of it.
     */
    public int sizeInBytes() {
        int bytes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // A lone surrogate is encoded as one '?', as String.getBytes(UTF_8) does.
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}

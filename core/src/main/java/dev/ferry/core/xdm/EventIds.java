package dev.ferry.core.xdm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: the same business change always gets the same {@code _id}, so a re-poll, a replay or a
 * retry never creates a second event in AEP.
 */
public final class EventIds {

    /**
     * {@link UUID#nameUUIDFromBytes} looks MD5 up among the security providers on every call, a fiftieth of a history
     * export; each thread keeps a digest instead and makes the same version 3 UUID.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    });

    private EventIds() {
    }

    /** A name-based UUID of the parts, e.g. {@code deterministic("order", "100000123", "invoiced", "42")}. */
    public static String deterministic(String... parts) {
        byte[] hash = MD5.get().digest(("ferry|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3: name-based, MD5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }
}

package dev.ferry.core.xdm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same business change always gets the same {@code _id}, so a re-poll, a replay or a
 * retry never creates a second event in AEP.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the parts, e.g. {@code deterministic("order", "100000123", "invoiced", "42")}. */
    public static String deterministic(String... parts) {
        return UUID.nameUUIDFromBytes(("ferry|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package dev.ferry.sandbox.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.segmentation.Memberships.Identity;
import java.time.Instant;
import java.util.List;

/**
 * What the profile store learns of one accepted event: whose it is and what they did. Read from the event's tree
 * once, so that a batch can hold it from validating a record to storing it without holding the record's tree.
 *
 * @param identities every identity of its {@code identityMap}, in order
 * @param eventType  its {@code eventType}, or an empty string when it has none
 * @param timestamp  its own XDM {@code timestamp}, or null when it has none that parses
 * @param priceTotal {@code commerce.order.priceTotal}, or null when the event has none
 */
public record ProfileFacts(List<Identity> identities, String eventType, Instant timestamp, Double priceTotal) {

    public ProfileFacts {
        identities = List.copyOf(identities);
    }

    public static ProfileFacts of(JsonNode xdm) {
        JsonNode total = xdm.path("commerce").path("order").path("priceTotal");
        return new ProfileFacts(Identity.allIn(xdm.path("identityMap")), xdm.path("eventType").asText(""),
                timestampOf(xdm), total.isNumber() ? total.asDouble() : null);
    }

    /** The event at its own timestamp, as AEP evaluates audiences on it; at the receipt time when it has none. */
    public ProfileEvent event(Instant receivedAt) {
        return new ProfileEvent(eventType, timestamp == null ? receivedAt : timestamp, priceTotal);
    }

    private static Instant timestampOf(JsonNode xdm) {
        return XdmTimestamp.parse(xdm.path("timestamp").asText(""));
    }
}

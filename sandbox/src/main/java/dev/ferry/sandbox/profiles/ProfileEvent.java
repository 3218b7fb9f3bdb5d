package dev.ferry.sandbox.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What audience rules read of one received event: its type, when it happened and its order total.
 *
 * @param priceTotal {@code commerce.order.priceTotal}, or null when the event has none
 */
public record ProfileEvent(String eventType, Instant timestamp, Double priceTotal) {

    /** The event's own XDM timestamp, as AEP evaluates audiences on it; the receipt time when it has none. */
    public static ProfileEvent of(JsonNode xdm, Instant receivedAt) {
        JsonNode total = xdm.path("commerce").path("order").path("priceTotal");
        return new ProfileEvent(xdm.path("eventType").asText(""), timestampOf(xdm, receivedAt),
                total.isNumber() ? total.asDouble() : null);
    }

    private static Instant timestampOf(JsonNode xdm, Instant receivedAt) {
        try {
            return Instant.parse(xdm.path("timestamp").asText(""));
        } catch (DateTimeParseException e) {
            return receivedAt;
        }
    }
}

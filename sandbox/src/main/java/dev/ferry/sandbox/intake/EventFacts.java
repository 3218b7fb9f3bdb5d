package dev.ferry.sandbox.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.profiles.ProfileFacts;
import dev.ferry.sandbox.web.Json;
import java.util.List;

/**
 * What storing a validated event needs of it besides its text, read from its tree once: a batch holds these from
 * validating its records to storing them, as a batch's trees would not fit in memory and parsing each record a
 * second time cost a quarter of a batch's processing.
 *
 * @param id        the XDM {@code _id}, or an empty string when the event has none
 * @param eventType the XDM {@code eventType}, or an empty string when the event has none
 * @param profile   what the profile store learns of it
 */
public record EventFacts(String id, String eventType, ProfileFacts profile) {

    /**
     * Where in an event everything that {@link #of} reads lies (its own fields and {@link ProfileFacts#of}'s), as
     * JSON pointers: an object holding only these parts of an event gives the same facts as the whole event.
     */
    public static final List<String> READ_FROM =
            List.of("/_id", "/eventType", "/timestamp", "/identityMap", "/commerce/order/priceTotal");

    public static EventFacts of(JsonNode xdm) {
        return new EventFacts(idOf(xdm), eventTypeOf(xdm), ProfileFacts.of(xdm));
    }

    static String idOf(JsonNode xdm) {
        return Json.textField(xdm, "_id");
    }

    static String eventTypeOf(JsonNode xdm) {
        return Json.textField(xdm, "eventType");
    }
}

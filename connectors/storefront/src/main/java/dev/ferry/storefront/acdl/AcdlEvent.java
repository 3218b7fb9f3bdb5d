package dev.ferry.storefront.acdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event as the snippet forwards it: the ACDL event name, its {@code eventInfo} (the ACDL state the SDK
 * published with it), and what the page adds: the client's {@code timestamp}, the browser {@code context}, and
 * {@code consent: "out"} for a shopper who opted out.
 *
 * @param index     position in the request, as the answer reports it
 * @param name      the ACDL event name, e.g. {@code add-to-cart}
 * @param eventInfo the contexts, by context name
 * @param timestamp the client's time (ISO-8601 text or epoch milliseconds), or null
 * @param context   browser facts (URL, referrer, screen, time zone, ECID), or null
 * @param optedOut  whether this event or its whole request said {@code consent: "out"}
 */
public record AcdlEvent(int index, String name, ObjectNode eventInfo, JsonNode timestamp, JsonNode context,
                        boolean optedOut) {
}

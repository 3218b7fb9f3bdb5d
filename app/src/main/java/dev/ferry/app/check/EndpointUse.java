package dev.ferry.app.check;

import java.util.Map;

/**
 * One endpoint URI written in a route.
 *
 * @param source  where it is written, {@code file:line}
 * @param uri     the URI as written (before placeholders are resolved)
 * @param dynamic whether Camel computes the URI per message (toD, wireTap, poll), so only its scheme is fixed
 * @param options options given beside the URI in a {@code parameters:} mapping, with the line of each key
 */
record EndpointUse(String source, String uri, boolean dynamic, Map<String, Located> options) {

    /** A scalar value and the line it is written on. */
    record Located(String value, String source) {
    }
}

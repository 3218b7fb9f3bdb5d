package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * What the Web SDK adds to every event the collector sends from the browser (its default {@code web},
 * {@code device}, {@code environment} and {@code placeContext} contexts), rebuilt from the facts Ferry's snippet
 * reads in the page and sends with each event as {@code context}:
 *
 * <pre>{@code {"url": …, "referrer": …, "screenWidth": …, "screenHeight": …, "screenOrientation": "portrait",
 *  "viewportWidth": …, "viewportHeight": …, "timezoneOffset": -60, "timezone": "Europe/Berlin", "ecid": …}}</pre>
 *
 * As in the Web SDK, these never replace what the event itself sets. {@code environment.browserDetails.userAgent}
 * comes from the request's User-Agent, which Edge fills from the browser's request when the Web SDK sends.
 */
public final class BrowserContext {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final Set<String> ORIENTATIONS = Set.of("portrait", "landscape");

    private BrowserContext() {
    }

    public static void apply(ObjectNode xdm, JsonNode context, Instant eventTime, String userAgent) {
        if (context != null && context.isObject()) {
            ObjectNode web = Js.object(xdm, "web", "web");
            ObjectNode page = Js.object(web, "webPageDetails", "web.webPageDetails");
            setIfAbsent(page, "URL", text(context.path("url")));
            String referrer = text(context.path("referrer"));
            if (referrer != null && !referrer.isEmpty()) {
                setIfAbsent(Js.object(web, "webReferrer", "web.webReferrer"), "URL", referrer);
            }
            ObjectNode device = Js.object(xdm, "device", "device");
            setIfAbsent(device, "screenWidth", size(context.path("screenWidth")));
            setIfAbsent(device, "screenHeight", size(context.path("screenHeight")));
            String orientation = text(context.path("screenOrientation"));
            if (orientation != null && ORIENTATIONS.contains(orientation)) {
                setIfAbsent(device, "screenOrientation", orientation);
            }
            ObjectNode environment = Js.object(xdm, "environment", "environment");
            setIfAbsent(environment, "type", "browser");
            ObjectNode browser = Js.object(environment, "browserDetails", "environment.browserDetails");
            setIfAbsent(browser, "viewportWidth", size(context.path("viewportWidth")));
            setIfAbsent(browser, "viewportHeight", size(context.path("viewportHeight")));
            ObjectNode place = Js.object(xdm, "placeContext", "placeContext");
            JsonNode offset = context.path("timezoneOffset");
            if (offset.isIntegralNumber() && Math.abs(offset.asLong()) <= 18 * 60) {
                setIfAbsent(place, "localTimezoneOffset", offset.asInt());
                setIfAbsent(place, "localTime", LOCAL_TIME.format(
                        eventTime.atOffset(ZoneOffset.ofTotalSeconds(-offset.asInt() * 60))));
            }
            setIfAbsent(place, "ianaTimezone", text(context.path("timezone")));
        }
        if (userAgent != null && !userAgent.isBlank()) {
            ObjectNode environment = Js.object(xdm, "environment", "environment");
            setIfAbsent(Js.object(environment, "browserDetails", "environment.browserDetails"), "userAgent", userAgent);
        }
    }

    /** The ECID the page read from the Web SDK, if it sent one. */
    public static String ecid(JsonNode context) {
        return context == null ? null : text(context.path("ecid"));
    }

    private static void setIfAbsent(ObjectNode target, String key, Object value) {
        if (value == null || target.hasNonNull(key)) {
            return;
        }
        if (value instanceof Integer number) {
            target.put(key, number);
        } else {
            target.put(key, value.toString());
        }
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : null;
    }

    private static Integer size(JsonNode value) {
        return value.isIntegralNumber() && value.asLong() >= 0 && value.asLong() <= 100_000 ? value.asInt() : null;
    }
}

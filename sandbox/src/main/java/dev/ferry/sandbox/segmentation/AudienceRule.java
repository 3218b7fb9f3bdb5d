package dev.ferry.sandbox.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.profiles.ProfileEvent;
import dev.ferry.sandbox.web.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A simple streaming-audience rule over a profile's events: the profile is in the audience while it has at least
 * {@code minCount} events of one of {@code eventTypes} (with {@code commerce.order.priceTotal >= minPriceTotal}
 * when that is set) in the last {@code within}, each not followed, at the same time or later, by an event of one of
 * {@code unlessFollowedBy}. So a profile leaves when time passes or when a cancelling event arrives.
 *
 * <pre>{@code {"eventTypes":["commerce.productListAdds"],"within":"PT1H","unlessFollowedBy":["commerce.purchases"]}}</pre>
 */
public record AudienceRule(Set<String> eventTypes, Double minPriceTotal, int minCount, Duration within,
                           Set<String> unlessFollowedBy) {

    /** The event types Ferry sends for an order: the storefront's placeOrder and the back office's order placed. */
    public static final List<String> PURCHASES = List.of("commerce.purchases", "commerce.backofficeOrderPlaced");

    public AudienceRule {
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one event type");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
        }
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("within must be a positive duration, was " + within);
        }
        eventTypes = Set.copyOf(eventTypes);
        unlessFollowedBy = Set.copyOf(unlessFollowedBy);
    }

    /** A purchase of at least {@code minTotal} in the last {@code within}. */
    public static AudienceRule purchaseOfAtLeast(double minTotal, Duration within) {
        return new AudienceRule(Set.copyOf(PURCHASES), minTotal, 1, within, Set.of());
    }

    /** A cart add in the last {@code within} with no purchase since. */
    public static AudienceRule cartAddWithoutPurchase(Duration within) {
        return new AudienceRule(Set.of("commerce.productListAdds"), null, 1, within, Set.copyOf(PURCHASES));
    }

    /**
     * Whether a profile with these events is in the audience at {@code now}. An event is cancelled by the last
     * cancelling event up to now when that one is at the same time or later, so one pass finds it first and
     * the count follows in a second: linear in the profile's events and in plain loops, without the lambdas and
     * boxing of streams, as every received event triggers this for every audience.
     */
    public boolean qualifies(Collection<ProfileEvent> events, Instant now) {
        Instant lastCancel = lastCancelUpTo(events, now);
        Instant since = now.minus(within);
        int matching = 0;
        for (ProfileEvent event : events) {
            if (counts(event, since, now, lastCancel) && ++matching >= minCount) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a profile whose events are none later than {@code newest} can be in the audience at {@code now}: not once
     * that is outside the window, which spares {@link #qualifies} its passes over the events, as for every shopper of
     * a history import, whose events are all older than any window.
     */
    public boolean canQualify(Instant newest, Instant now) {
        return newest.isAfter(now.minus(within));
    }

    private Instant lastCancelUpTo(Collection<ProfileEvent> events, Instant now) {
        Instant last = Instant.MIN;
        if (unlessFollowedBy.isEmpty()) {
            // Nothing cancels, as for two of the three sample rules: no pass over up to 200 events at every event.
            return last;
        }
        for (ProfileEvent event : events) {
            Instant at = event.timestamp();
            if (at.isAfter(last) && !at.isAfter(now) && unlessFollowedBy.contains(event.eventType())) {
                last = at;
            }
        }
        return last;
    }

    private boolean counts(ProfileEvent event, Instant since, Instant now, Instant lastCancel) {
        Instant at = event.timestamp();
        return at.isAfter(since) && !at.isAfter(now) && at.isAfter(lastCancel)
                && eventTypes.contains(event.eventType())
                && (minPriceTotal == null || (event.priceTotal() != null && event.priceTotal() >= minPriceTotal));
    }

    /** Reads a rule as {@code PUT /sandbox/audiences} takes it; a wrong field fails with a one-line reason. */
    public static AudienceRule fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a rule must be a JSON object");
        }
        JsonNode total = json.path("minPriceTotal");
        if (!total.isMissingNode() && !total.isNull() && !total.isNumber()) {
            throw new IllegalArgumentException("minPriceTotal must be a number");
        }
        JsonNode count = json.path("minCount");
        if (!count.isMissingNode() && !count.canConvertToInt()) {
            throw new IllegalArgumentException("minCount must be an integer");
        }
        Duration within;
        try {
            within = Duration.parse(json.path("within").asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("within must be an ISO-8601 duration such as PT1H or P30D");
        }
        return new AudienceRule(strings(json, "eventTypes"), total.isNumber() ? total.asDouble() : null,
                count.isMissingNode() ? 1 : count.asInt(), within, strings(json, "unlessFollowedBy"));
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        ArrayNode types = json.putArray("eventTypes");
        eventTypes.stream().sorted().forEach(types::add);
        if (minPriceTotal != null) {
            json.put("minPriceTotal", minPriceTotal);
        }
        json.put("minCount", minCount).put("within", within.toString());
        ArrayNode unless = json.putArray("unlessFollowedBy");
        unlessFollowedBy.stream().sorted().forEach(unless::add);
        return json;
    }

    private static Set<String> strings(JsonNode json, String field) {
        JsonNode list = json.path(field);
        if (list.isMissingNode()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        if (list.isArray()) {
            list.forEach(item -> values.add(item.isTextual() ? item.asText() : ""));
        }
        if (!list.isArray() || values.contains("")) {
            throw new IllegalArgumentException(field + " must be an array of event type strings");
        }
        return values;
    }
}

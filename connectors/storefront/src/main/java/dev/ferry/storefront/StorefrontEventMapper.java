package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.acdl.AcdlEvent;
import dev.ferry.storefront.identity.IdentityMaps;
import dev.ferry.storefront.mapping.BrowserContext;
import dev.ferry.storefront.mapping.Contexts;
import dev.ferry.storefront.mapping.EventMapping;
import dev.ferry.storefront.mapping.EventMappings;
import dev.ferry.storefront.mapping.MappingException;
import dev.ferry.storefront.mapping.XdmFieldTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * One ACDL event to one XDM ExperienceEvent: the event family's mapping (as Adobe's collector builds it), then what
 * the Web SDK would add in the browser (page URL, referrer, device, time zone, user agent), the channel, the
 * identities, {@code _id} and {@code timestamp}. Events are partitioned by the shopper's FPID so one shopper's
 * events reach AEP in order.
 */
public final class StorefrontEventMapper {

    private static final int MAX_EVENT_ID = 128;

    private final boolean rawEmail;
    private final Duration maxClockSkew;

    public StorefrontEventMapper(boolean rawEmail, Duration maxClockSkew) {
        this.rawEmail = rawEmail;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * Maps an event the shopper did not opt out of.
     *
     * @param fpid       the shopper's first-party device id
     * @param userAgent  the request's User-Agent, or null
     * @param receivedAt when the collector received the request
     * @throws MappingException with the one-line reason when the event cannot be sent
     */
    public XdmEvent map(AcdlEvent event, String fpid, String userAgent, Instant receivedAt) {
        EventMapping mapping = EventMappings.forEvent(event.name()).orElseThrow(() -> unknown(event.name()));
        ObjectNode eventInfo = event.eventInfo();
        for (String context : mapping.requiredContexts()) {
            if (!eventInfo.path(context).isObject()) {
                throw new MappingException("'" + event.name() + "' needs " + context);
            }
        }
        ObjectNode xdm = mapping.map(eventInfo);
        Instant time = timestamp(event.timestamp(), receivedAt);
        BrowserContext.apply(xdm, event.context(), time, userAgent);
        JsonNode channel = eventInfo.path(Contexts.CHANNEL);
        if (!xdm.hasNonNull("channel") && channel.path("_id").isTextual()) {
            ObjectNode xdmChannel = xdm.putObject("channel");
            xdmChannel.set("_id", channel.get("_id"));
            if (channel.path("_type").isTextual()) {
                xdmChannel.set("_type", channel.get("_type"));
            }
        }
        // The collector sets personID to the ECID; the Commerce ExperienceEvent schema has no personID.
        xdm.remove("personID");
        if (!rawEmail && xdm.path("personalEmail").isObject()) {
            ((ObjectNode) xdm.get("personalEmail")).remove("address");
        }
        xdm.put("_id", eventId(eventInfo));
        xdm.put("timestamp", Xdm.timestamp(time));
        XdmFieldTypes.normalise(xdm);
        XdmEvent xdmEvent = XdmEvent.wrap(xdm, fpid);
        IdentityMaps.apply(xdmEvent, fpid, eventInfo, BrowserContext.ecid(event.context()), rawEmail);
        return xdmEvent;
    }

    /** {@code debugContext.eventId} when the page set one (a retry then keeps its id), else a new UUID. */
    private static String eventId(ObjectNode eventInfo) {
        JsonNode id = eventInfo.path(Contexts.DEBUG).path("eventId");
        if (id.isMissingNode() || id.isNull()) {
            return UUID.randomUUID().toString();
        }
        if (!id.isTextual() || !isEventId(id.textValue())) {
            throw new MappingException("debugContext.eventId must be up to 128 letters, digits and ._:@- "
                    + "(a UUID, say)");
        }
        return id.textValue();
    }

    /**
     * Whether an id from {@code debugContext.eventId} is one AEP accepts as an {@code _id}: up to 128 letters, digits
     * and {@code ._:@-}, starting with a letter or digit. A plain loop, because {@code java.util.regex} matches such a
     * repetition recursively, one stack frame per character, which cost a tenth of the collector's time.
     */
    static boolean isEventId(String id) {
        if (id.isEmpty() || id.length() > MAX_EVENT_ID || !isAsciiLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The client's time when it gave one that is not in the future (beyond the allowed skew), else receipt time. */
    Instant timestamp(JsonNode clientTime, Instant receivedAt) {
        Instant client = null;
        if (clientTime != null && clientTime.isTextual()) {
            try {
                client = OffsetDateTime.parse(clientTime.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                client = null;
            }
        } else if (clientTime != null && clientTime.isIntegralNumber()) {
            client = Instant.ofEpochMilli(clientTime.longValue());
        }
        if (client == null || client.isAfter(receivedAt.plus(maxClockSkew))) {
            return receivedAt;
        }
        return client.isAfter(receivedAt) ? receivedAt : client;
    }

    private static MappingException unknown(String name) {
        if (EventMappings.NOT_SENT_TO_AEP.contains(name)) {
            return new MappingException("'" + name + "' is not sent to Experience Platform by Adobe's collector "
                    + "(only to Adobe Commerce analytics); Ferry does not map it");
        }
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return new MappingException("unknown event '" + shown + "'");
    }
}

package dev.ferry.aep.http;

import dev.ferry.core.delivery.OutboundEvent;

/**
 * One event as it appears inside a request body (an Edge event, a DCS message), serialised once so packing and
 * sending agree on its size.
 */
public record AepPart(OutboundEvent event, byte[] json) {

    public String eventId() {
        return event.id();
    }
}

package dev.ferry.aep.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.audience.ShopperIdentity;
import dev.ferry.core.xdm.Xdm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The two halves of an Edge profile lookup: the {@code /ee/v2/interact} request that names the shopper in
 * {@code xdm.identityMap}, and the realized audience ids read from the answer's {@code activation:pull} handles,
 * {@code {"handle":[{"type":"activation:pull","payload":[{"segments":[{"id","namespace"}]}]}]}}.
 */
public final class AepActivationLookup {

    static final String HANDLE_TYPE = "activation:pull";
    /** The Web SDK's event type for a request made only to fetch personalization. */
    static final String EVENT_TYPE = "decisioning.propositionFetch";

    private AepActivationLookup() {
    }

    /** The interact body for one identity, as the shopper's primary identity, with a fresh event id. */
    public static byte[] request(ShopperIdentity identity, Instant now) {
        ObjectNode body = Xdm.JSON.createObjectNode();
        ObjectNode xdm = body.putObject("event").putObject("xdm")
                .put("_id", UUID.randomUUID().toString())
                .put("timestamp", now.toString())
                .put("eventType", EVENT_TYPE);
        xdm.putObject("identityMap").putArray(identity.namespace()).addObject()
                .put("id", identity.id())
                .put("primary", true);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The audience ids of every {@code activation:pull} handle, each once, in the order Edge lists them. */
    public static List<String> realizedAudienceIds(JsonNode answer) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode handle : answer.path("handle")) {
            if (HANDLE_TYPE.equals(handle.path("type").asText())) {
                handle.path("payload").forEach(entry -> entry.path("segments").forEach(segment -> {
                    String id = segment.path("id").asText("");
                    if (!id.isBlank()) {
                        ids.add(id);
                    }
                }));
            }
        }
        return new ArrayList<>(ids);
    }
}

package dev.ferry.sandbox.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.segmentation.AudienceQualifier;
import dev.ferry.sandbox.segmentation.Memberships;
import dev.ferry.sandbox.segmentation.Memberships.Identity;
import dev.ferry.sandbox.web.Json;
import java.util.List;
import java.util.Set;

/**
 * The {@code activation:pull} handle of an {@code /ee/v2/interact} answer: the audiences the event's person
 * belongs to, shaped as AEP's edge profile lookup (custom personalization destination) documents it:
 * {@code {"type":"activation:pull","eventIndex":0,"payload":[{"type":"profileLookup",...,"segments":[{"id","namespace"}]}]}},
 * with an empty payload when the profile is unknown to the edge.
 */
final class ActivationPull {

    static final String DESTINATION_ID = "ferry-sandbox-personalization";
    static final String DESTINATION_ALIAS = "ferry-sandbox";
    /** The namespace Edge reports for audiences evaluated by Real-Time Customer Profile. */
    static final String SEGMENT_NAMESPACE = "ups";

    private final Memberships memberships;
    private final AudienceQualifier qualifier;

    ActivationPull(Memberships memberships, AudienceQualifier qualifier) {
        this.memberships = memberships;
        this.qualifier = qualifier;
    }

    /** The audiences set by hand for any of the person's identities, then those its profile qualified for. */
    ObjectNode handleFor(JsonNode xdm, int eventIndex) {
        List<Identity> identities = Identity.allIn(xdm.path("identityMap"));
        Set<String> audiences = memberships.ofAny(identities);
        audiences.addAll(qualifier.realizedFor(identities));
        ArrayNode payload = Json.array();
        if (!audiences.isEmpty()) {
            ObjectNode lookup = payload.addObject()
                    .put("type", "profileLookup")
                    .put("destinationId", DESTINATION_ID)
                    .put("alias", DESTINATION_ALIAS);
            lookup.putObject("attributes");
            ArrayNode segments = lookup.putArray("segments");
            audiences.forEach(id -> segments.addObject().put("id", id).put("namespace", SEGMENT_NAMESPACE));
        }
        ObjectNode handle = Json.object();
        handle.set("payload", payload);
        handle.put("type", "activation:pull").put("eventIndex", eventIndex);
        return handle;
    }
}

package dev.ferry.sandbox.destination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.profiles.Membership;
import dev.ferry.sandbox.segmentation.Memberships.Identity;
import dev.ferry.sandbox.web.Json;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * One profile as AEP's HTTP API (streaming) destination exports it:
 * {@code {"identityMap":{"ecid":[{"id"}],"email_lc_sha256":[{"id"}]},"segmentMembership":{"ups":{"<audienceId>":
 * {"status":"realized|existing|exited","lastQualificationTime":"..."}}}}}, namespace keys in lower case as AEP
 * writes them.
 */
public final class DestinationPayload {

    /** The raw e-mail namespace; the sandbox's destination maps only its hashed form, so no address leaves in clear. */
    static final String RAW_EMAIL = "email";

    private DestinationPayload() {
    }

    public static ObjectNode profile(Collection<Identity> identities, Map<String, Membership> memberships) {
        ObjectNode profile = Json.object();
        ObjectNode identityMap = profile.putObject("identityMap");
        for (Identity identity : identities) {
            String namespace = identity.namespace().toLowerCase(Locale.ROOT);
            if (!RAW_EMAIL.equals(namespace)) {
                ArrayNode ids = identityMap.has(namespace) ? (ArrayNode) identityMap.get(namespace)
                        : identityMap.putArray(namespace);
                ids.addObject().put("id", identity.id());
            }
        }
        ObjectNode ups = profile.putObject("segmentMembership").putObject("ups");
        memberships.forEach((audienceId, membership) -> ups.putObject(audienceId)
                .put("status", membership.status())
                .put("lastQualificationTime", membership.lastQualificationTime().toString()));
        return profile;
    }
}

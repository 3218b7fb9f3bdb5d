package dev.ferry.sandbox.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.web.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which audiences each identity belongs to, as the Edge profile would hold them for {@code activation:pull}.
 * Set through {@code PUT /sandbox/memberships/{namespace}/{id}}. Namespace codes compare case-insensitively, as
 * AEP's identity namespaces do.
 */
public final class Memberships {

    private final Map<String, List<String>> audiencesByIdentity = new ConcurrentHashMap<>();

    /** Replaces an identity's audiences; an empty list removes the identity. */
    public void put(String namespace, String id, List<String> audienceIds) {
        if (audienceIds.isEmpty()) {
            audiencesByIdentity.remove(key(namespace, id));
        } else {
            audiencesByIdentity.put(key(namespace, id), List.copyOf(audienceIds));
        }
    }

    public List<String> of(String namespace, String id) {
        return audiencesByIdentity.getOrDefault(key(namespace, id), List.of());
    }

    /** The union of the audiences of several identities of one person, first seen first. */
    public Set<String> ofAny(Collection<Identity> identities) {
        Set<String> audiences = new LinkedHashSet<>();
        identities.forEach(identity -> audiences.addAll(of(identity.namespace(), identity.id())));
        return audiences;
    }

    private static String key(String namespace, String id) {
        return namespace.toLowerCase(Locale.ROOT) + '\u0000' + id;
    }

    /** One identity: a namespace code such as {@code Email} or {@code ECID}, and the id in it. */
    public record Identity(String namespace, String id) {

        /** Every identity of an XDM {@code identityMap}, in its order; entries without an id are skipped. */
        public static List<Identity> allIn(JsonNode identityMap) {
            List<Identity> identities = new ArrayList<>();
            identityMap.fields().forEachRemaining(namespace -> namespace.getValue().forEach(entry -> {
                String id = Json.textField(entry, "id");
                if (!id.isEmpty()) {
                    identities.add(new Identity(namespace.getKey(), id));
                }
            }));
            return identities;
        }
    }
}

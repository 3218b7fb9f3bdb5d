package dev.ferry.audiences.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.store.MembershipStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what AEP's HTTP API destination (streaming) posts: one profile or an array of them, each with
 * {@code identityMap} (lower-case namespace keys, each a list of {@code {"id": …}}) and
 * {@code segmentMembership.ups.<audienceId>.{status, lastQualificationTime}}. Namespaces Ferry resolves are
 * {@code email_lc_sha256}, {@code ecid}, {@code fpid}, the configured Commerce customer-id namespace, and
 * {@code email} (hashed at once; the raw address is never kept); others are ignored. Anything malformed refuses
 * the whole payload with the reason, so nothing of it is stored.
 */
public final class DestinationPayloadParser {

    /** Deepest nesting a destination profile needs is 5; the margin allows AEP's extra attributes. */
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING_CHARS = 65_536;
    static final int MAX_PROFILES = 10_000;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final int MAX_ID_CHARS = 128;
    private static final int MAX_AUDIENCE_ID_CHARS = 64;

    private final ObjectMapper json;
    private final String customerNamespace;

    /** @param customerNamespace identityMap key of the Commerce customer id, matched without regard to case */
    public DestinationPayloadParser(String customerNamespace) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING_CHARS).maxNumberLength(64).build()).build();
        this.json = new ObjectMapper(factory);
        this.customerNamespace = customerNamespace.toLowerCase(Locale.ROOT);
    }

    public List<DestinationProfile> parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DestinationRejection(400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DestinationRejection(400, "the body cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new DestinationRejection(400, "the body is empty; expected a profile or an array of profiles");
        }
        List<DestinationProfile> profiles = new ArrayList<>();
        if (root.isArray()) {
            if (root.size() > MAX_PROFILES) {
                throw new DestinationRejection(413, "the body holds " + root.size() + " profiles; the limit is "
                        + MAX_PROFILES);
            }
            for (int i = 0; i < root.size(); i++) {
                profiles.add(profile(root.get(i), "profile " + i));
            }
        } else {
            profiles.add(profile(root, "the profile"));
        }
        return profiles;
    }

    private DestinationProfile profile(JsonNode profile, String where) {
        if (!profile.isObject()) {
            throw bad(where + " is not a JSON object");
        }
        return new DestinationProfile(identities(profile.get("identityMap"), where),
                memberships(profile.get("segmentMembership"), where));
    }

    private List<AudienceIdentity> identities(JsonNode identityMap, String where) {
        if (identityMap == null || !identityMap.isObject()) {
            throw bad(where + " has no identityMap object");
        }
        List<AudienceIdentity> identities = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = identityMap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> namespace = it.next();
            String key = namespace.getKey().toLowerCase(Locale.ROOT);
            if (!namespace.getValue().isArray()) {
                throw bad(where + ": identityMap." + namespace.getKey() + " is not an array");
            }
            for (JsonNode entry : namespace.getValue()) {
                JsonNode id = entry.get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw bad(where + ": identityMap." + namespace.getKey() + " has an entry without a text id");
                }
                AudienceIdentity identity = identity(key, id.asText().strip(), where);
                if (identity != null) {
                    identities.add(identity);
                }
            }
        }
        return identities;
    }

    private AudienceIdentity identity(String namespace, String id, String where) {
        if (namespace.equals(customerNamespace)) {
            if (!DIGITS.matcher(id).matches()) {
                throw bad(where + ": identityMap." + namespace + " must hold Commerce customer ids (digits)");
            }
            return AudienceIdentity.customer(Long.parseLong(id));
        }
        switch (namespace) {
            case AudienceIdentity.EMAIL_SHA256 -> {
                if (!SHA256.matcher(id).matches()) {
                    throw bad(where + ": identityMap.email_lc_sha256 must hold SHA-256 hex digests");
                }
                return AudienceIdentity.emailSha256(id);
            }
            case "email" -> {
                return AudienceIdentity.email(id);
            }
            case AudienceIdentity.ECID -> {
                return AudienceIdentity.ecid(checkedLength(id, namespace, where));
            }
            case AudienceIdentity.FPID -> {
                return AudienceIdentity.fpid(checkedLength(id, namespace, where));
            }
            default -> {
                return null;
            }
        }
    }

    private static String checkedLength(String id, String namespace, String where) {
        if (id.length() > MAX_ID_CHARS) {
            throw bad(where + ": an identityMap." + namespace + " id is longer than " + MAX_ID_CHARS + " characters");
        }
        return id;
    }

    private static List<SegmentMembership> memberships(JsonNode segmentMembership, String where) {
        if (segmentMembership == null || !segmentMembership.isObject()) {
            throw bad(where + " has no segmentMembership object");
        }
        JsonNode ups = segmentMembership.get("ups");
        if (ups == null) {
            return List.of();
        }
        if (!ups.isObject()) {
            throw bad(where + ": segmentMembership.ups is not an object");
        }
        List<SegmentMembership> memberships = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> audience = it.next();
            String id = audience.getKey();
            String at = where + ": segmentMembership.ups." + id;
            if (id.isBlank() || id.length() > MAX_AUDIENCE_ID_CHARS) {
                throw bad(where + ": an audience id must have 1 to " + MAX_AUDIENCE_ID_CHARS + " characters");
            }
            JsonNode entry = audience.getValue();
            if (!entry.isObject()) {
                throw bad(at + " is not an object");
            }
            MembershipStatus status = MembershipStatus.byCode(entry.path("status").asText(""))
                    .orElseThrow(() -> bad(at + ".status must be realized, existing or exited"));
            memberships.add(new SegmentMembership(id, status, time(entry.get("lastQualificationTime"), at)));
        }
        return memberships;
    }

    private static Instant time(JsonNode value, String at) {
        if (value == null || !value.isTextual()) {
            throw bad(at + ".lastQualificationTime is missing");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(at + ".lastQualificationTime is not an ISO-8601 date-time with offset: "
                    + abbreviate(value.asText()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static DestinationRejection bad(String reason) {
        return new DestinationRejection(400, reason);
    }
}

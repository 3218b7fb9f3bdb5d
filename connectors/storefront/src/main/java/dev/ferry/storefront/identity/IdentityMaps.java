package dev.ferry.storefront.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.xdm.AuthenticatedState;
import dev.ferry.core.xdm.XdmEvent;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code identityMap} of a storefront event. Adobe's collector makes the Web SDK's ECID the primary identity and
 * adds the raw email address as {@code email}; Ferry, sending from the server, makes the first-party device id
 * primary and never sends a raw address as an identity:
 * <ul>
 *   <li>{@code FPID}: the shopper's device id, primary, ambiguous;</li>
 *   <li>{@code ECID}: when the page supplies one ({@code aepContext.identityMap.ECID} or the Web SDK's, sent by the
 *       snippet), not primary;</li>
 *   <li>{@code Email_LC_SHA256}: SHA-256 of the lower-cased address of a logged-in shopper
 *       ({@code accountContext.emailAddress} unless {@code shopperContext.shopperId} is {@code guest}),
 *       authenticated;</li>
 *   <li>any other namespace of {@code aepContext.identityMap}, not primary (namespaces named like an email are left
 *       out when raw addresses are not sent).</li>
 * </ul>
 */
public final class IdentityMaps {

    private static final Set<String> OWN = Set.of(Identities.FPID, Identities.ECID, Identities.EMAIL_LC_SHA256);

    private IdentityMaps() {
    }

    public static void apply(XdmEvent event, String fpid, JsonNode eventInfo, String pageEcid, boolean rawEmail) {
        event.xdm().remove("identityMap");
        event.identity(Identities.FPID, fpid, true, AuthenticatedState.AMBIGUOUS);
        JsonNode pageIdentities = eventInfo.path("aepContext").path("identityMap");
        String ecid = text(pageIdentities.path(Identities.ECID).path(0).path("id"));
        if (ecid == null) {
            ecid = pageEcid == null || pageEcid.isBlank() || pageEcid.length() > 128 ? null : pageEcid.strip();
        }
        if (ecid != null) {
            event.identity(Identities.ECID, ecid, false, AuthenticatedState.AMBIGUOUS);
        }
        String email = loggedInEmail(eventInfo);
        if (email != null) {
            event.identity(Identities.EMAIL_LC_SHA256, Identities.emailSha256(email), false,
                    AuthenticatedState.AUTHENTICATED);
        }
        if (pageIdentities.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> namespaces = pageIdentities.fields();
            while (namespaces.hasNext()) {
                Map.Entry<String, JsonNode> namespace = namespaces.next();
                String code = namespace.getKey();
                if (OWN.contains(code) || !rawEmail && code.toLowerCase(Locale.ROOT).contains("email")) {
                    continue;
                }
                for (JsonNode identity : namespace.getValue()) {
                    String id = text(identity.path("id"));
                    if (id != null) {
                        event.identity(code, id, false, state(identity.path("authenticatedState")));
                    }
                }
            }
        }
    }

    /** The email of a logged-in shopper, or null. */
    public static String loggedInEmail(JsonNode eventInfo) {
        if ("guest".equals(eventInfo.path("shopperContext").path("shopperId").asText())) {
            return null;
        }
        String email = text(eventInfo.path("accountContext").path("emailAddress"));
        return email != null && email.indexOf('@') > 0 ? email : null;
    }

    private static AuthenticatedState state(JsonNode value) {
        for (AuthenticatedState state : AuthenticatedState.values()) {
            if (state.xdmValue().equals(value.asText())) {
                return state;
            }
        }
        return AuthenticatedState.AMBIGUOUS;
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue().strip() : null;
    }
}

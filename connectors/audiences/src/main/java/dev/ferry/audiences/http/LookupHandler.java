package dev.ferry.audiences.http;

import dev.ferry.core.security.BearerToken;
import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.lookup.MembershipLookup;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET …/membership?customerId=|email=|fpid=|ecid=} for Commerce-side code, with the lookup bearer token.
 * The token is checked before anything else, so a caller without it learns nothing about any identity. An email
 * is hashed at once; the raw address is neither stored nor logged.
 */
public final class LookupHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(LookupHandler.class);

    private final BearerToken token;
    private final MembershipLookup lookup;

    public LookupHandler(BearerToken token, MembershipLookup lookup) {
        this.token = token;
        this.lookup = lookup;
    }

    @Override
    public void process(Exchange exchange) {
        answer(exchange).writeTo(exchange);
    }

    private AudiencesAnswer answer(Exchange exchange) {
        if (!token.admits(AudiencesRequest.header(exchange.getIn(), "Authorization"))) {
            return AudiencesAnswer.error(401, "a valid bearer token is required");
        }
        AudienceIdentity identity;
        try {
            identity = identity(query(AudiencesRequest.header(exchange.getIn(), Exchange.HTTP_QUERY)));
        } catch (IllegalArgumentException e) {
            return AudiencesAnswer.error(400, e.getMessage());
        }
        try {
            return AudiencesAnswer.json(200, MembershipJson.of(lookup.find(identity)));
        } catch (RuntimeException e) {
            LOG.warn("audiences lookup failed: {}", e.getMessage());
            return AudiencesAnswer.error(503, "the membership cannot be read; retry later");
        }
    }

    static AudienceIdentity identity(Map<String, String> query) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : new String[] {"customerId", "email", "fpid", "ecid"}) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                given.put(name, value.strip());
            }
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException("give exactly one of customerId, email, fpid, ecid");
        }
        Map.Entry<String, String> only = given.entrySet().iterator().next();
        String value = only.getValue();
        if (value.length() > 254) {
            throw new IllegalArgumentException(only.getKey() + " is too long");
        }
        return switch (only.getKey()) {
            case "customerId" -> {
                if (!value.matches("[0-9]{1,10}")) {
                    throw new IllegalArgumentException("customerId must be a Commerce customer id (digits)");
                }
                yield AudienceIdentity.customer(Long.parseLong(value));
            }
            case "email" -> AudienceIdentity.email(value);
            case "fpid" -> AudienceIdentity.fpid(value);
            default -> AudienceIdentity.ecid(value);
        };
    }

    /**
     * The raw query string's parameters, first value of each; headers are not read, a client could set them. The HTTP
     * engine checks the query's percent-encoding only up to a {@code #}, which a raw query can still hold after it.
     *
     * @throws IllegalArgumentException when the query is not valid percent-encoding
     */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.putIfAbsent(decoded(equals < 0 ? pair : pair.substring(0, equals)),
                    equals < 0 ? "" : decoded(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string is not valid percent-encoding", e);
        }
    }
}

package dev.ferry.audiences.lookup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The audiences a shopper belongs to (realized or existing) and the value Commerce reads from the
 * {@code aep-segments-membership} header or cookie: the ids joined by commas, URL-encoded.
 */
public record Membership(List<AudienceRef> audiences) {

    public static final String HEADER = "aep-segments-membership";

    public Membership {
        audiences = List.copyOf(audiences);
    }

    public static Membership none() {
        return new Membership(List.of());
    }

    public String headerValue() {
        return URLEncoder.encode(String.join(",", audiences.stream().map(AudienceRef::id).toList()),
                StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return audiences.isEmpty();
    }
}

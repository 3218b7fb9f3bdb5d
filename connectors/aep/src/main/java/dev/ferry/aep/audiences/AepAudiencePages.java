package dev.ferry.aep.audiences;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.http.AepHttpClient;
import dev.ferry.aep.http.AepRequest;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepUrls;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the whole audience catalog from the Segmentation API, {@code GET /data/core/ups/audiences?start=&limit=},
 * page after page: the next page starts at the offset the answer gives in {@code _page.next}, or failing that in
 * the {@code start} parameter of {@code _links.next.href}; no next page means the catalog is complete.
 */
public final class AepAudiencePages {

    private static final Pattern START_PARAMETER = Pattern.compile("[?&]start=(\\d+)");

    private final AepHttpClient http;
    private final String platformUrl;
    private final int pageSize;

    public AepAudiencePages(AepHttpClient http, String platformUrl, int pageSize) {
        this.http = http;
        this.platformUrl = platformUrl;
        this.pageSize = pageSize;
    }

    /** Every audience, in the order AEP lists them; a page AEP refuses fails the whole read. */
    public List<Audience> readAll() {
        List<Audience> audiences = new ArrayList<>();
        int start = 0;
        while (true) {
            JsonNode page = page(start);
            page.path("children").forEach(child -> audiences.add(audience(child)));
            OptionalInt next = nextStart(page);
            // A next offset that does not move forward would read the same page for ever.
            if (next.isEmpty() || next.getAsInt() <= start || page.path("children").isEmpty()) {
                return audiences;
            }
            start = next.getAsInt();
        }
    }

    private JsonNode page(int start) {
        URI uri = AepUrls.of(platformUrl, "/data/core/ups/audiences?start=" + start + "&limit=" + pageSize);
        AepResponse answer = http.send(AepRequest.get(uri, true));
        if (!answer.isSuccess()) {
            throw new DeliveryException(FailureKind.RETRYABLE, "AEP Segmentation API refused to list audiences from "
                    + start + ": " + answer.reason());
        }
        JsonNode json = answer.json();
        if (!json.path("children").isArray()) {
            throw new DeliveryException(FailureKind.RETRYABLE,
                    "AEP Segmentation API answered the audience list without a children array");
        }
        return json;
    }

    static OptionalInt nextStart(JsonNode page) {
        String next = page.path("_page").path("next").asText("");
        if (!next.isBlank() && next.chars().allMatch(Character::isDigit)) {
            return OptionalInt.of(Integer.parseInt(next));
        }
        Matcher href = START_PARAMETER.matcher(page.path("_links").path("next").path("href").asText(""));
        return href.find() ? OptionalInt.of(Integer.parseInt(href.group(1))) : OptionalInt.empty();
    }

    /**
     * One audience: {@code id} is the key AEP uses in {@code segmentMembership}, and {@code lifecycleState}
     * (published, draft, inactive) is its state.
     */
    static Audience audience(JsonNode child) {
        return new Audience(child.path("id").asText(), child.path("name").asText(""),
                child.hasNonNull("description") ? child.get("description").asText() : null,
                child.path("lifecycleState").asText(""));
    }
}

package dev.ferry.sandbox.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import org.junit.jupiter.api.Test;

class AudiencesHandlerTest {

    private final AudiencesHandler handler =
            new AudiencesHandler(new AudienceCatalog(SandboxSettings.defaults(), 1_714_557_600_000L));

    @Test
    void listsTheFourSampleAudiencesOnOnePageByDefault() {
        JsonNode page = body(handler.page(null, null));

        assertThat(page.get("children")).extracting(a -> a.get("name").asText())
                .containsExactly("VIP shoppers", "Cart abandoners", "New customers", "Frequent browsers");
        assertThat(page.get("_page").get("totalCount").asInt()).isEqualTo(4);
        assertThat(page.get("_page").has("next")).isFalse();
    }

    @Test
    void givesTheSampleAudiencesTheSameIdsOnEveryStart() {
        JsonNode first = body(handler.page("0", "1")).get("children").get(0);

        assertThat(first.get("id").asText()).isEqualTo(Audience.named("VIP shoppers", "", "").id());
        assertThat(first.get("namespace").asText()).isEqualTo("AEPSegments");
        assertThat(first.get("sandbox").get("sandboxName").asText()).isEqualTo("prod");
    }

    @Test
    void linksTheNextPageWhileMoreAudiencesRemain() {
        JsonNode page = body(handler.page("1", "2"));

        assertThat(page.get("_page").get("next").asText()).isEqualTo("3");
        assertThat(page.get("_links").get("next").get("href").asText()).isEqualTo("@/audiences?start=3&limit=2&totalCount=4");
    }

    @Test
    void answersAnEmptyPagePastTheEnd() {
        assertThat(body(handler.page("10", "5")).get("children")).isEmpty();
    }

    @Test
    void refusesNonNumericOrOutOfRangePaging() {
        assertThat(handler.page("x", null).status()).isEqualTo(400);
        assertThat(handler.page("-1", null).status()).isEqualTo(400);
        assertThat(handler.page(null, "0").status()).isEqualTo(400);
        assertThat(handler.page(null, "801").status()).isEqualTo(400);
    }

    private static JsonNode body(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return Json.parse(reply.body()).orElseThrow();
    }
}

package dev.ferry.aep.audiences;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class AepAudiencePagesTest {

    @Test
    void theNextPageStartsWhereThePageInfoSays() throws Exception {
        assertThat(AepAudiencePages.nextStart(json("{\"_page\":{\"next\":\"40\"}}"))).hasValue(40);
    }

    @Test
    void withoutPageInfoTheNextLinksStartParameterIsFollowed() throws Exception {
        assertThat(AepAudiencePages.nextStart(json(
                "{\"_links\":{\"next\":{\"href\":\"@/audiences?limit=20&start=60&totalCount=90\"}}}"))).hasValue(60);
    }

    @Test
    void noNextMeansTheLastPage() throws Exception {
        assertThat(AepAudiencePages.nextStart(json("{\"_page\":{\"totalCount\":3},\"_links\":{}}")))
                .isEqualTo(OptionalInt.empty());
    }

    @Test
    void anAudienceKeepsItsIdNameDescriptionAndLifecycleState() throws Exception {
        JsonNode child = json("{\"id\":\"a1\",\"audienceId\":\"x\",\"name\":\"VIP\",\"lifecycleState\":\"inactive\"}");

        assertThat(AepAudiencePages.audience(child)).isEqualTo(new Audience("a1", "VIP", null, "inactive"));
    }

    private static JsonNode json(String text) throws Exception {
        return Xdm.JSON.readTree(text);
    }
}

package dev.ferry.aep.activation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.audience.ShopperIdentity;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AepActivationLookupTest {

    @Test
    void theRequestNamesTheShopperAsThePrimaryIdentityOfAnEvent() throws Exception {
        JsonNode xdm = Xdm.JSON.readTree(AepActivationLookup.request(new ShopperIdentity("Email_LC_SHA256", "ab12"),
                Instant.parse("2026-01-02T03:04:05Z"))).path("event").path("xdm");

        assertThat(xdm.path("identityMap").path("Email_LC_SHA256").get(0).path("id").asText()).isEqualTo("ab12");
        assertThat(xdm.path("identityMap").path("Email_LC_SHA256").get(0).path("primary").asBoolean()).isTrue();
        assertThat(xdm.path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(xdm.path("_id").asText()).isNotBlank();
    }

    @Test
    void onlyActivationPullHandlesCountAndEachAudienceOnce() throws Exception {
        JsonNode answer = Xdm.JSON.readTree("""
                {"requestId":"r","handle":[
                  {"type":"personalization:decisions","payload":[{"segments":[{"id":"not-me"}]}]},
                  {"type":"activation:pull","eventIndex":0,"payload":[
                    {"type":"profileLookup","segments":[{"id":"a","namespace":"ups"},{"id":"b","namespace":"ups"}]},
                    {"type":"profileLookup","segments":[{"id":"a","namespace":"ups"}]}]}]}
                """);

        assertThat(AepActivationLookup.realizedAudienceIds(answer)).containsExactly("a", "b");
    }

    @Test
    void anAnswerWithoutHandlesHasNoAudiences() throws Exception {
        assertThat(AepActivationLookup.realizedAudienceIds(Xdm.JSON.readTree("{\"requestId\":\"r\"}"))).isEmpty();
    }
}

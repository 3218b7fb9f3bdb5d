package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.destination.RecordingDestination;
import dev.ferry.sandbox.segmentation.Audience;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule-based audiences over received events, pushed to an HTTP destination and pulled through Edge interact. */
class AepSandboxAudiencesIT {

    private static final String COLLECT = "/ee/v2/collect?datastreamId=ferry-demo-datastream";
    private static final String INTERACT = "/ee/v2/interact?datastreamId=ferry-demo-datastream";
    private static final String DCS_BATCH = "/collection/batch/ferry-demo-connection";
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String VIP = AudienceCatalog.SAMPLES.get(0).id();
    private static final String CART = AudienceCatalog.SAMPLES.get(1).id();

    private final MutableClock clock = new MutableClock(START);
    private RecordingDestination destination;
    private AepSandbox sandbox;
    private AepClient client;
    private int eventNumber;

    @BeforeEach
    void start() {
        destination = new RecordingDestination();
        SandboxSettings settings = SandboxSettings.builder()
                .destinationUrl(destination.url())
                .destinationToken("push-secret")
                .evaluationInterval(Duration.ofMillis(50))
                .destinationBackoff(Duration.ofMillis(20))
                .build();
        sandbox = AepSandbox.start(settings, clock);
        client = new AepClient(sandbox.baseUrl(), settings);
        client.login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        destination.close();
    }

    @Test
    void aBigPurchaseQualifiesTheShopperAndIsPushedInAepsDestinationFormat() {
        collect(event("commerce.purchases", 120.0, Map.of("ECID", "ecid-1", "Email_LC_SHA256", "hash-1")));

        JsonNode profile = awaitPushes(1).get(0);
        assertThat(profile.at("/identityMap/ecid/0/id").asText()).isEqualTo("ecid-1");
        assertThat(profile.at("/identityMap/email_lc_sha256/0/id").asText()).isEqualTo("hash-1");
        JsonNode vip = profile.at("/segmentMembership/ups/" + VIP);
        assertThat(vip.path("status").asText()).isEqualTo("realized");
        assertThat(vip.path("lastQualificationTime").asText()).isEqualTo(START.toString());
        assertThat(profile.at("/segmentMembership/ups").size()).isEqualTo(1);
        assertThat(destination.received().get(0).authorization()).isEqualTo("Bearer push-secret");
    }

    @Test
    void aCartAddQualifiesAndThePurchaseThatFollowsExitsIt() {
        collect(event("commerce.productListAdds", null, Map.of("FPID", "fpid-1")));
        assertThat(awaitPushes(1).get(0).at("/segmentMembership/ups/" + CART + "/status").asText()).isEqualTo("realized");

        clock.advance(Duration.ofMinutes(10));
        collect(event("commerce.purchases", 30.0, Map.of("FPID", "fpid-1")));

        JsonNode exit = awaitPushes(2).get(1);
        assertThat(exit.at("/segmentMembership/ups/" + CART + "/status").asText()).isEqualTo("exited");
        assertThat(exit.at("/segmentMembership/ups/" + CART + "/lastQualificationTime").asText())
                .isEqualTo(START.plus(Duration.ofMinutes(10)).toString());
    }

    @Test
    void aCartAddExitsWhenAnHourPassesWithoutPurchase() {
        collect(event("commerce.productListAdds", null, Map.of("ECID", "ecid-2")));
        awaitPushes(1);

        clock.advance(Duration.ofMinutes(61));

        assertThat(awaitPushes(2).get(1).at("/segmentMembership/ups/" + CART + "/status").asText()).isEqualTo("exited");
    }

    @Test
    void identitiesSeenTogetherAreOneProfileAndTheDestinationLearnsTheNewOne() {
        collect(event("commerce.productListAdds", null, Map.of("FPID", "guest-fpid")));
        awaitPushes(1);

        // The shopper signs in: the next event carries the guest's FPID with the customer id.
        streaming(event("commerce.productViews", null, Map.of("FPID", "guest-fpid", "commerceCustomerId", "42")));

        JsonNode update = awaitPushes(2).get(1);
        assertThat(update.at("/identityMap/fpid/0/id").asText()).isEqualTo("guest-fpid");
        assertThat(update.at("/identityMap/commercecustomerid/0/id").asText()).isEqualTo("42");
        assertThat(update.at("/segmentMembership/ups/" + CART + "/status").asText()).isEqualTo("existing");
        assertThat(activationPull(Map.of("commerceCustomerId", "42"))).containsExactly(CART);
    }

    @Test
    void aFailingDestinationIsRetriedWithoutHoldingUpIntake() {
        destination.answerNext(503, 429);

        HttpResponse<String> accepted = collect(event("commerce.purchases", 500.0, Map.of("ECID", "ecid-3")));

        assertThat(accepted.statusCode()).isEqualTo(204);
        JsonNode profile = awaitPushes(1).get(0);
        assertThat(profile.at("/segmentMembership/ups/" + VIP + "/status").asText()).isEqualTo("realized");
        assertThat(destination.received()).extracting(RecordingDestination.Received::status).containsExactly(503, 429, 200);
    }

    @Test
    void interactAnswersTheProfilesRealizedAudiencesInTheActivationPullHandle() {
        collect(event("commerce.backofficeOrderPlaced", 150.0, Map.of("Email_LC_SHA256", "hash-4", "ECID", "ecid-4")));
        awaitPushes(1);

        assertThat(activationPull(Map.of("ECID", "ecid-4"))).containsExactly(VIP);
        assertThat(activationPull(Map.of("ECID", "unknown"))).isEmpty();
    }

    @Test
    void audiencesPutWithARuleAreEvaluatedAndABadRuleIsRefused() {
        HttpResponse<String> bad = client.put("/sandbox/audiences",
                "[{\"id\":\"x\",\"name\":\"X\",\"rule\":{\"eventTypes\":[\"commerce.productViews\"],\"within\":\"1 day\"}}]"
                        .getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Invalid rule of audience 'X': within must be an ISO-8601 duration");

        HttpResponse<String> put = client.put("/sandbox/audiences",
                "[{\"id\":\"viewers\",\"name\":\"Viewers\",\"rule\":{\"eventTypes\":[\"commerce.productViews\"],\"within\":\"P1D\"}}]"
                        .getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        assertThat(put.statusCode()).isEqualTo(204);
        collect(event("commerce.productViews", null, Map.of("ECID", "ecid-5")));

        assertThat(awaitPushes(1).get(0).at("/segmentMembership/ups/viewers/status").asText()).isEqualTo("realized");
        assertThat(AepClient.json(client.get("/sandbox/audiences", Map.of())).get(0).at("/rule/within").asText())
                .isEqualTo("PT24H");
    }

    private List<JsonNode> awaitPushes(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> destination.delivered().size() >= count);
        assertThat(destination.delivered()).hasSize(count);
        return destination.delivered();
    }

    private HttpResponse<String> collect(String xdm) {
        HttpResponse<String> response = client.post(COLLECT, "{\"events\":[{\"xdm\":" + xdm + "}]}", client.dataHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return response;
    }

    private void streaming(String xdm) {
        String message = "{\"messages\":[{\"header\":{\"schemaRef\":{\"id\":\"https://ns.adobe.com/ferrydemo/schemas/commerce-events\","
                + "\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"},\"imsOrgId\":\"FERRYDEMO@AdobeOrg\","
                + "\"datasetId\":\"ferry-demo-dataset\"},\"body\":{\"xdmMeta\":{\"schemaRef\":{\"id\":"
                + "\"https://ns.adobe.com/ferrydemo/schemas/commerce-events\",\"contentType\":"
                + "\"application/vnd.adobe.xed-full+json;version=1\"}},\"xdmEntity\":" + xdm + "}}]}";
        HttpResponse<String> response = client.post(DCS_BATCH, message, client.dataHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        assertThat(response.body()).doesNotContain("statusCode\":400");
    }

    private List<String> activationPull(Map<String, String> identities) {
        HttpResponse<String> response = client.post(INTERACT, "{\"event\":{\"xdm\":"
                + event("decisioning.propositionFetch", null, identities) + "}}", client.dataHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode handle = AepClient.json(response).get("handle").get(0);
        assertThat(handle.get("type").asText()).isEqualTo("activation:pull");
        return handle.path("payload").findValues("id").stream().map(JsonNode::asText).toList();
    }

    /** An event at the clock's time with the given identities, and an order total when given. */
    private String event(String type, Double priceTotal, Map<String, String> identities) {
        StringBuilder identityMap = new StringBuilder();
        identities.forEach((namespace, id) -> identityMap.append(identityMap.isEmpty() ? "" : ",")
                .append('"').append(namespace).append("\":[{\"id\":\"").append(id).append("\"}]"));
        String order = priceTotal == null ? ""
                : ",\"commerce\":{\"order\":{\"priceTotal\":" + priceTotal + ",\"currencyCode\":\"USD\"}}";
        return "{\"_id\":\"evt-" + (++eventNumber) + "-" + type + "\",\"timestamp\":\"" + clock.instant() + "\","
                + "\"eventType\":\"" + type + "\",\"identityMap\":{" + identityMap + "}" + order + "}";
    }
}

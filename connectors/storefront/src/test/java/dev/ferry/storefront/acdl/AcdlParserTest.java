package dev.ferry.storefront.acdl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcdlParserTest {

    private static final AcdlParser PARSER = new AcdlParser(new AcdlLimits(4096, 256, 5, 8));
    private static final String PAGE_VIEW = "{\"event\": \"page-view\", \"eventInfo\": {\"pageContext\": {\"pageType\": \"CMS\"}}}";

    private static AcdlBatch parse(String body) {
        return PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String body, int status, String reason) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(AcdlRejection.class, rejection -> {
            assertThat(rejection.status()).isEqualTo(status);
            assertThat(rejection.getMessage()).isEqualTo(reason);
        });
    }

    @Test
    void aJsonArrayOfEventsIsReadInOrder() {
        AcdlBatch batch = parse("[" + PAGE_VIEW + ", {\"event\": \"sign-out\", \"timestamp\": \"2026-01-01T00:00:00Z\"}]");

        assertThat(batch.entries()).extracting(entry -> entry.event().name()).containsExactly("page-view", "sign-out");
        assertThat(batch.entries().get(0).event().eventInfo().path("pageContext").path("pageType").asText())
                .isEqualTo("CMS");
        assertThat(batch.entries().get(1).event().eventInfo().isEmpty()).isTrue();
        assertThat(batch.entries().get(1).event().timestamp().asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(batch.entries().get(1).event().index()).isEqualTo(1);
    }

    @Test
    void anEnvelopeCarriesTheEventsAndItsConsentAppliesToAllOfThem() {
        AcdlBatch batch = parse("{\"events\": [" + PAGE_VIEW + ", " + PAGE_VIEW + "], \"consent\": \"out\", \"v\": 1}");
        AcdlBatch consenting = parse("{\"consent\": \"in\", \"events\": [" + PAGE_VIEW + "]}");

        assertThat(batch.entries()).hasSize(2).allSatisfy(entry -> assertThat(entry.event().optedOut()).isTrue());
        assertThat(consenting.entries().get(0).event().optedOut()).isFalse();
    }

    @Test
    void oneEventsOwnConsentOutOptsOutThatEventOnly() {
        AcdlBatch batch = parse("[{\"event\": \"page-view\", \"consent\": \"out\"}, " + PAGE_VIEW + "]");

        assertThat(batch.entries()).extracting(entry -> entry.event().optedOut()).containsExactly(true, false);
    }

    @Test
    void anEventOverTheEventLimitIsRejectedAloneWithItsSize() {
        String big = "{\"event\": \"page-view\", \"eventInfo\": {\"customContext\": {\"n\": \"" + "x".repeat(300) + "\"}}}";

        AcdlBatch batch = parse("[" + PAGE_VIEW + ", " + big + "]");

        assertThat(batch.entries().get(0).isRejected()).isFalse();
        assertThat(batch.entries().get(1).error()).isEqualTo("the event is " + big.length() + " bytes; the limit is 256");
    }

    @Test
    void elementsThatAreNotEventsAreRejectedAloneWithTheReason() {
        AcdlBatch batch = parse("[\"page-view\", {\"eventInfo\": {}}, {\"event\": \"page-view\", \"eventInfo\": [1]}, null]");

        assertThat(batch.entries()).extracting(AcdlBatch.Entry::error).containsExactly(
                "an event is a JSON object with \"event\" and \"eventInfo\"",
                "\"event\" (the ACDL event name) is missing",
                "\"eventInfo\" must be an object of ACDL contexts",
                "an event is a JSON object with \"event\" and \"eventInfo\"");
    }

    @Test
    void moreEventsThanAllowedRefusesTheWholeRequest() {
        refused("[" + (PAGE_VIEW + ",").repeat(5) + PAGE_VIEW + "]", 413, "more than 5 events in one request");
    }

    @Test
    void aBodyOverTheBatchLimitIsRefusedWithItsSize() {
        String body = "[\"" + "x".repeat(5000) + "\"]";

        refused(body, 413, "the body is " + body.length() + " bytes; the limit is 4096");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        refused("[" + "[".repeat(8) + "]".repeat(8) + "]", 400, "JSON nested deeper than 8 levels");
        assertThat(parse("[" + "[".repeat(7) + "]".repeat(7) + "]").entries()).hasSize(1);
    }

    @Test
    void whatIsNotJsonOrNotABatchIsRefused() {
        refused("", 400, "the body is empty");
        refused("\"page-view\"", 400, "the body must be a JSON array of events or {\"events\": [...]}");
        refused("{\"event\": \"page-view\"}", 400, "the body must be a JSON array of events or {\"events\": [...]}");
        refused("{\"events\": {}}", 400, "\"events\" must be an array of events");
        refused("[] []", 400, "not JSON: unexpected content after the end of the JSON value");
        assertThatThrownBy(() -> parse("[{\"event\": page-view}]")).isInstanceOfSatisfying(AcdlRejection.class,
                rejection -> {
                    assertThat(rejection.status()).isEqualTo(400);
                    assertThat(rejection.getMessage()).startsWith("not JSON: Unrecognized token 'page'")
                            .endsWith("(line 1, column 17)").doesNotContain("\n");
                });
    }
}

package dev.ferry.aep.streaming;

import dev.ferry.aep.http.AepPart;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AepStreamingAnswerTest {

    private final List<AepPart> parts = List.of(part("ok"), part("bad"), part("later"), part("ok-too"));

    @Test
    void eachMessageIsSettledFromItsOwnEntryOfTheMultiStatusAnswer() {
        DeliveryReport report = new DeliveryReport();

        AepStreamingAnswer.read(parts, answer("""
                {"inletId":"c","batchId":"b","responses":[
                  {"xactionId":"b:0"},
                  {"statusCode":400,"message":"inletId: [c] Message is invalid: $.commerce.giftWrap is not allowed"},
                  {"statusCode":503,"message":"try again"},
                  {"statusCode":200,"xactionId":"b:3"}]}
                """), report);

        assertThat(report.deliveredIds()).containsExactly("ok", "ok-too");
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.eventId()).isEqualTo("bad");
            assertThat(rejection.reason()).isEqualTo("400 inletId: [c] Message is invalid: $.commerce.giftWrap is not allowed");
        });
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(deferral.getMessage()).contains("1 message(s)").contains("503 try again");
        });
    }

    @Test
    void aMessageWithoutAnEntryIsLeftForLater() {
        DeliveryReport report = new DeliveryReport();

        AepStreamingAnswer.read(parts, answer("{\"responses\":[{\"xactionId\":\"1\"},{\"xactionId\":\"2\"}]}"), report);

        assertThat(report.deliveredIds()).containsExactly("ok", "bad");
        assertThat(report.deferral()).hasValueSatisfying(d -> assertThat(d.getMessage()).contains("2 message(s)"));
    }

    @Test
    void aSuccessWithoutPerMessageEntriesDeliversTheWholeRequest() {
        DeliveryReport report = new DeliveryReport();

        AepStreamingAnswer.read(parts, answer(""), report);

        assertThat(report.deliveredIds()).containsExactly("ok", "bad", "later", "ok-too");
        assertThat(report.deferral()).isEmpty();
    }

    private static AepPart part(String id) {
        return new AepPart(new OutboundEvent(id, null, "{\"_id\":\"" + id + "\"}"), new byte[0]);
    }

    private static AepResponse answer(String body) {
        return new AepResponse(207, HttpHeaders.of(Map.of(), (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.ferry.aep.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.ferry.aep.http.AepRequestPackerTest.part;
import static dev.ferry.aep.http.AepResponseTest.response;
import static org.assertj.core.api.Assertions.assertThat;

class AepPackedSenderTest {

    private final List<List<String>> sent = new ArrayList<>();

    @Test
    void oneInvalidEventIsIsolatedByBisectionAndTheOthersAreDelivered() {
        AepPackedSender sender = sender(10_000, Set.of("e13"));

        DeliveryReport report = sender.deliver(parts(32));

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.eventId()).isEqualTo("e13");
            assertThat(rejection.reason()).isEqualTo("400 Invalid request: e13 is not allowed");
        });
        assertThat(report.deliveredIds()).hasSize(31).doesNotContain("e13");
        assertThat(report.deferral()).isEmpty();
        // 1 whole request, then two halves per level down to the single event: 1 + 2 * log2(32).
        assertThat(sent).hasSize(11);
    }

    @Test
    void severalInvalidEventsAreEachRejectedAndNoValidEventIsLost() {
        Set<String> invalid = Set.of("e0", "e7", "e8", "e30");
        AepPackedSender sender = sender(10_000, invalid);

        DeliveryReport report = sender.deliver(parts(31));

        assertThat(report.rejections()).extracting(DeliveryReport.Rejection::eventId)
                .containsExactlyInAnyOrderElementsOf(invalid);
        assertThat(report.deliveredIds()).hasSize(27).doesNotContainAnyElementsOf(invalid);
    }

    @Test
    void anEventTooLargeForOneRequestIsRejectedWithoutBeingSent() {
        AepPackedSender sender = sender(500, Set.of());
        List<AepPart> parts = List.of(part("small", 100), part("huge", 600), part("after", 100));

        DeliveryReport report = sender.deliver(parts);

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.eventId()).isEqualTo("huge");
            assertThat(rejection.reason()).contains("at most 500 bytes");
        });
        assertThat(report.deliveredIds()).containsExactly("small", "after");
        assertThat(sent).noneMatch(ids -> ids.contains("huge"));
    }

    @Test
    void whenARequestCannotBeDeliveredNoLaterOneIsSentAndTheRestIsDeferred() {
        DeliveryException throttled = new DeliveryException(FailureKind.RATE_LIMITED, "429 after 5 attempts",
                java.time.Duration.ofSeconds(30), null);
        AepPackedSender sender = new AepPackedSender("AEP test", new AepRequestPacker("{\"events\":[", "]}", 300),
                body -> {
                    List<String> ids = ids(body);
                    sent.add(ids);
                    if (sent.size() == 2) {
                        throw throttled;
                    }
                    return response(200, "");
                },
                (parts, answer, report) -> parts.forEach(part -> report.delivered(part.eventId())));

        DeliveryReport report = sender.deliver(parts(12));

        assertThat(sent).hasSize(2);
        assertThat(report.deliveredIds()).containsExactlyElementsOf(sent.get(0));
        assertThat(report.deferral()).containsSame(throttled);
    }

    @Test
    void anAnswerAboutTheUrlNotThePayloadDefersEveryEventInsteadOfRejectingThem() {
        AepPackedSender sender = new AepPackedSender("AEP test", new AepRequestPacker("{\"events\":[", "]}", 10_000),
                body -> response(404, "{\"title\":\"Inlet not found\"}"),
                (parts, answer, report) -> parts.forEach(part -> report.delivered(part.eventId())));

        DeliveryReport report = sender.deliver(parts(5));

        assertThat(report.rejections()).isEmpty();
        assertThat(report.deliveredIds()).isEmpty();
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(deferral.getMessage()).contains("404 Inlet not found");
        });
    }

    private AepPackedSender sender(int maxBytes, Set<String> invalid) {
        return new AepPackedSender("AEP test", new AepRequestPacker("{\"events\":[", "]}", maxBytes), body -> {
            List<String> ids = ids(body);
            sent.add(ids);
            return ids.stream().filter(invalid::contains).findFirst()
                    .map(id -> response(400, "{\"title\":\"Invalid request\",\"detail\":\"" + id + " is not allowed\"}"))
                    .orElseGet(() -> response(200, ""));
        }, (parts, answer, report) -> parts.forEach(part -> report.delivered(part.eventId())));
    }

    private static List<AepPart> parts(int count) {
        return IntStream.range(0, count).mapToObj(i -> part("e" + i, 60)).toList();
    }

    private static List<String> ids(byte[] body) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode event : Xdm.JSON.readTree(body).path("events")) {
                ids.add(event.path("xdm").path("_id").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ferry.aep.http;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AepRequestPackerTest {

    private static final String PREFIX = "{\"events\":[";
    private static final String SUFFIX = "]}";

    @Test
    void packsPartsGreedilyInOrderIntoRequestsThatNeverExceedTheLimit() {
        AepRequestPacker packer = new AepRequestPacker(PREFIX, SUFFIX, 1_000);
        List<AepPart> parts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            parts.add(part("e" + i, 40 + (i * 37) % 90));
        }

        List<List<AepPart>> requests = packer.pack(parts);

        assertThat(requests).hasSizeGreaterThan(1).allSatisfy(request -> {
            assertThat(packer.fits(request)).isTrue();
            assertThat(packer.body(request).length).isLessThanOrEqualTo(1_000);
        });
        assertThat(requests.stream().flatMap(List::stream).map(AepPart::eventId))
                .containsExactlyElementsOf(parts.stream().map(AepPart::eventId).toList());
        for (int i = 0; i < requests.size() - 1; i++) {
            List<AepPart> withNext = new ArrayList<>(requests.get(i));
            withNext.add(requests.get(i + 1).get(0));
            assertThat(packer.fits(withNext)).as("request %d could not take one more part", i).isFalse();
        }
    }

    @Test
    void aRequestExactlyAtTheLimitIsKeptWhole() {
        AepPart first = part("a", 100);
        AepPart second = part("b", 100);
        int exact = PREFIX.length() + SUFFIX.length() + 100 + 1 + 100;

        assertThat(new AepRequestPacker(PREFIX, SUFFIX, exact).pack(List.of(first, second))).hasSize(1);
        assertThat(new AepRequestPacker(PREFIX, SUFFIX, exact - 1).pack(List.of(first, second))).hasSize(2);
    }

    @Test
    void aPartLargerThanTheLimitComesBackAloneAndDoesNotFit() {
        AepRequestPacker packer = new AepRequestPacker(PREFIX, SUFFIX, 300);
        AepPart small = part("small", 50);
        AepPart huge = part("huge", 400);
        AepPart after = part("after", 50);

        List<List<AepPart>> requests = packer.pack(List.of(small, huge, after));

        assertThat(requests).containsExactly(List.of(small), List.of(huge), List.of(after));
        assertThat(packer.fits(List.of(huge))).isFalse();
        assertThat(packer.fits(List.of(small))).isTrue();
    }

    @Test
    void theBodyIsTheEnvelopeAroundTheCommaSeparatedParts() throws Exception {
        AepRequestPacker packer = new AepRequestPacker(PREFIX, SUFFIX, 10_000);
        List<AepPart> parts = List.of(part("a", 30), part("b", 30), part("c", 30));

        byte[] body = packer.body(parts);

        assertThat(body.length).isEqualTo(packer.bodySize(parts));
        assertThat(Xdm.JSON.readTree(body).path("events")).hasSize(3);
        assertThat(Xdm.JSON.readTree(body).path("events").get(2).path("xdm").path("_id").asText()).isEqualTo("c");
    }

    @Test
    void sizesCountUtf8BytesNotCharacters() {
        AepRequestPacker packer = new AepRequestPacker(PREFIX, SUFFIX, 10_000);
        String json = "{\"xdm\":{\"_id\":\"é\"}}";
        AepPart part = new AepPart(new OutboundEvent("é", null, json), json.getBytes(StandardCharsets.UTF_8));

        assertThat(packer.bodySize(List.of(part))).isEqualTo(PREFIX.length() + SUFFIX.length() + json.length() + 1);
    }

    /** A part of exactly {@code bytes} bytes: {"xdm":{"_id":"<id>","pad":"xxx"}}. */
    static AepPart part(String id, int bytes) {
        String head = "{\"xdm\":{\"_id\":\"" + id + "\",\"pad\":\"";
        String tail = "\"}}";
        String json = head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail;
        return new AepPart(new OutboundEvent(id, null, json), json.getBytes(StandardCharsets.UTF_8));
    }
}

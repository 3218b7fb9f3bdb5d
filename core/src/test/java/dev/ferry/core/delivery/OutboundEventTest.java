package dev.ferry.core.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundEventTest {

    @Test
    void theSizeIsTheLengthOfTheUtf8EncodingForEveryKindOfCharacter() {
        List<String> texts = List.of("", "{\"name\":\"Joust Duffle Bag\"}", "Café crème", "東京の店", "bag 👜 emoji",
                "lone \uD83D surrogate", "trailing \uDC00", "mixed é東👜\uD800x");

        assertThat(texts).allSatisfy(text -> assertThat(new OutboundEvent("id", null, text).sizeInBytes())
                .as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length));
    }
}

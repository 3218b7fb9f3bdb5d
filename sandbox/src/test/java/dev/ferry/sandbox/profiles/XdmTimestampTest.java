package dev.ferry.sandbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XdmTimestampTest {

    @Test
    void readsTheFormFerrySendsAsInstantParseDoes() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            texts.add(text);
            int dot = text.indexOf('.');
            if (dot > 0) {
                texts.add(text.substring(0, dot + 1 + random.nextInt(1, text.length() - dot - 1)) + "Z");
            }
        }

        texts.forEach(text -> assertThat(XdmTimestamp.parse(text)).as(text).isEqualTo(instantParse(text)));
    }

    @Test
    void leavesEveryOtherTextToInstantParse() {
        List<String> texts = List.of("2024-05-01T11:00:00Z", "2024-05-01t11:00:00z", "2024-05-01T11:00:00+02:00",
                "2024-05-01T11:00:00.Z", "2024-05-01T11:00:00.1234567891Z", "2024-05-01T11:00Z", "2024-05-01 11:00:00Z",
                "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-05-01T24:00:00Z", "2024-05-01T24:00:01Z", "2016-12-31T23:59:60Z", "2024-05-01T23:60:00Z",
                "0000-01-01T00:00:00Z", "+12024-05-01T11:00:00Z", "2024-05-01T11:00:0xZ", "2024-05-01T11:00:00x5Z",
                "2024-05-01T11:00:00.-5Z", "2024-05-01T11:00:00", "", "not a time", "2024-05-01T11:00:00.000000000Z");

        texts.forEach(text -> assertThat(XdmTimestamp.parse(text)).as(text).isEqualTo(instantParse(text)));
    }

    private static Instant instantParse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

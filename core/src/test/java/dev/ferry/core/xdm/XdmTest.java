package dev.ferry.core.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XdmTest {

    @Test
    void timestampsAreIsoInstantsCutToTheMillisecondWhateverTheInstant() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-21T08:00:00Z"),
                Instant.parse("2026-11-21T08:00:00.100Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000500Z"), Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59.999Z"), Instant.parse("9999-12-31T23:59:59.001Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T12:00:00.5Z"), Instant.MIN,
                Instant.MAX));
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong() % 40_000_000_000L, random.nextInt(1_000_000_000)));
            instants.add(Instant.ofEpochSecond(random.nextInt(), random.nextBoolean() ? 0 : random.nextInt(1000) * 1_000_000));
        }

        for (Instant instant : instants) {
            assertThat(Xdm.timestamp(instant)).as("%s", instant)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
    }
}

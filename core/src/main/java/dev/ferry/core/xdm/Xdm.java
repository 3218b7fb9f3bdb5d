package dev.ferry.core.xdm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one Jackson setup for XDM: absent fields are left out (AEP treats null and absent alike) and times are ISO-8601 UTC. */
public final class Xdm {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * 1000-01-01 and 10000-01-01 (UTC) in epoch seconds: the instants between are written here as ISO_INSTANT writes
     * them, four-digit years and all, without its formatter, which was a twentieth of a history export's mapping. Any
     * other instant goes to the formatter.
     */
    private static final long FOUR_DIGIT_YEARS_FROM = -30_610_224_000L;
    private static final long FOUR_DIGIT_YEARS_TO = 253_402_300_800L;

    private Xdm() {
    }

    /** XDM date-time with millisecond precision in UTC, as Adobe's SDKs send it. */
    public static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FOUR_DIGIT_YEARS_FROM || seconds >= FOUR_DIGIT_YEARS_TO) {
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int millis = instant.getNano() / 1_000_000;
        char[] text = (millis == 0 ? "0000-00-00T00:00:00Z" : "0000-00-00T00:00:00.000Z").toCharArray();
        digits(text, 0, 4, time.getYear());
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        if (millis != 0) {
            digits(text, 20, 3, millis);
        }
        return new String(text);
    }

    /** Writes {@code value} into {@code count} places from {@code at}, zero-padded. */
    private static void digits(char[] text, int at, int count, int value) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Money as XDM expects it: a number rounded to cents. */
    public static double money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

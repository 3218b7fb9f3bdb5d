package dev.ferry.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyBytesTest {

    @Test
    void collectsABodyOfTheExpectedLength() {
        assertThat(collect(7, "abc", "defg")).isEqualTo("abcdefg");
    }

    @Test
    void collectsABodyLongerOrShorterThanExpected() {
        assertThat(collect(2, "abc", "defg", "h")).isEqualTo("abcdefgh");
        assertThat(collect(1024, "abc")).isEqualTo("abc");
    }

    private static String collect(int expected, String... chunks) {
        BodyBytes body = new BodyBytes(expected);
        for (String chunk : chunks) {
            body.append(Buffer.buffer(chunk));
        }
        return new String(body.toArray(), StandardCharsets.UTF_8);
    }
}

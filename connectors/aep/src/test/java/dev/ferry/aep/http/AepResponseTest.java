package dev.ferry.aep.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AepResponseTest {

    @Test
    void theReasonOfAProblemDocumentIsItsTitleDetailAndReportedErrors() {
        AepResponse answer = response(400, """
                {"type":"https://ns.adobe.com/aep/errors/EXEG-0113-400","status":400,"title":"Invalid request",
                 "detail":"XDM validation failed for event 0","report":{"errors":["Event 0: $.commerce.giftWrap is not allowed"]}}
                """);

        assertThat(answer.reason()).isEqualTo("400 Invalid request: XDM validation failed for event 0: "
                + "Event 0: $.commerce.giftWrap is not allowed");
    }

    @Test
    void theReasonOfAGatewayErrorIsItsMessage() {
        assertThat(response(403, "{\"error_code\":\"403003\",\"message\":\"Api Key is invalid\"}").reason())
                .isEqualTo("403 Api Key is invalid");
    }

    @Test
    void aBodyThatIsNotJsonIsQuotedShortened() {
        String html = "<html>" + "x".repeat(1_000) + "</html>";

        String reason = response(502, html).reason();

        assertThat(reason).startsWith("502 <html>xxx").endsWith("...").hasSizeLessThan(320);
    }

    @Test
    void anEmptyBodyLeavesTheStatus() {
        assertThat(response(404, "").reason()).isEqualTo("404");
        assertThat(response(404, "").json().isMissingNode()).isTrue();
    }

    static AepResponse response(int status, String body) {
        return new AepResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}

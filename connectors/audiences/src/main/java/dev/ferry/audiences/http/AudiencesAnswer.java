package dev.ferry.audiences.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import java.nio.ByteBuffer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What an audiences endpoint answers: a status, a JSON body and the headers it means to send. Platform-http copies
 * the request's headers and query parameters into the exchange and the exchange's headers into the response, so
 * the answer clears them all first.
 */
public final class AudiencesAnswer {

    private final int status;
    private final byte[] body;

    private AudiencesAnswer(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    public static AudiencesAnswer json(int status, JsonNode body) {
        try {
            return new AudiencesAnswer(status, Xdm.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** {@code {"error": "<one-line reason>"}}. */
    public static AudiencesAnswer error(int status, String reason) {
        return json(status, Xdm.JSON.createObjectNode().put("error", reason));
    }

    public int status() {
        return status;
    }

    /**
     * Replaces the exchange's headers and body with this answer; membership is personal, so never cached. The body
     * is a {@link ByteBuffer}: platform-http's Vert.x engine writes one at once, where it would turn a byte[] into
     * a stream and pump that through reads on its worker threads, a thread hop more per answer.
     */
    public void writeTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-store");
        if (status == 401) {
            message.setHeader("WWW-Authenticate", "Bearer");
        }
        message.setBody(ByteBuffer.wrap(body));
    }
}

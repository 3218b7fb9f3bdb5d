package dev.ferry.storefront.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.Xdm;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the collector answers: a status, a body and exactly the response headers it means to send. Platform-http
 * copies the request's headers and query parameters into the exchange and the exchange's headers into the
 * response, so the answer clears them all first.
 */
public final class StorefrontAnswer {

    private final int status;
    private final byte[] body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private StorefrontAnswer(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    public static StorefrontAnswer json(int status, ObjectNode body) {
        try {
            return new StorefrontAnswer(status, Xdm.JSON.writeValueAsBytes(body), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** {@code {"error": "<one-line reason>"}}. */
    public static StorefrontAnswer error(int status, String reason) {
        return json(status, Xdm.JSON.createObjectNode().put("error", reason));
    }

    public static StorefrontAnswer empty(int status) {
        return new StorefrontAnswer(status, null, null);
    }

    public static StorefrontAnswer content(int status, byte[] body, String contentType) {
        return new StorefrontAnswer(status, body, contentType);
    }

    public StorefrontAnswer header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Replaces the exchange's headers and body with this answer. */
    public void writeTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        headers.forEach(message::setHeader);
        message.setBody(body == null ? new byte[0] : body);
    }
}

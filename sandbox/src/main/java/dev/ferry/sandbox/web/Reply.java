package dev.ferry.sandbox.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer, built wherever convenient (often on a worker thread) and sent on the request's event loop.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type, or null for an empty body
 * @param body        the body bytes, empty for none
 * @param headers     extra headers such as {@code Retry-After}
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, Json.bytes(body), Map.of());
    }

    /** An RFC 7807 problem document, as Edge and several Platform services answer errors. */
    public static Reply problem(int status, JsonNode body) {
        return new Reply(status, PROBLEM_JSON, Json.bytes(body), Map.of());
    }

    /** A problem with the standard {@code about:blank} type: the status says it all, the detail says why. */
    public static Reply plainProblem(int status, String title, String detail) {
        return problem(status, Json.object()
                .put("type", "about:blank")
                .put("status", status)
                .put("title", title)
                .put("detail", detail));
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Reply empty(int status) {
        return new Reply(status, null, new byte[0], Map.of());
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    public void send(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        if (contentType != null) {
            response.putHeader("Content-Type", contentType);
        }
        response.end(Buffer.buffer(body));
    }
}

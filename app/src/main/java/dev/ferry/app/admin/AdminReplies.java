package dev.ferry.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** JSON answers of the admin API; errors are one line, {@code {"error": "..."}}. */
final class AdminReplies {

    static final ObjectMapper JSON = new ObjectMapper();

    private AdminReplies() {
    }

    static void json(RoutingContext context, int status, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an admin answer could not be written as JSON", e);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(text);
    }

    static void error(RoutingContext context, int status, String message) {
        json(context, status, Map.of("error", message));
    }
}

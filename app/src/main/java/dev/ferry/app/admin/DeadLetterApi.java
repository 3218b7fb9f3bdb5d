package dev.ferry.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.identity.PersonalData;
import dev.ferry.core.state.DeadLetter;
import dev.ferry.core.state.DeadLetterRetention;
import dev.ferry.core.state.DeadLetters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ferry dlq} over the management port, for a running Ferry whose state database the CLI cannot open beside
 * it: {@code GET /admin/dlq[?reason=&limit=]}, {@code GET /admin/dlq/:id[?showPii=true]},
 * {@code POST /admin/dlq/replay} with {@code {"all": true}} or {@code {"ids": [...]}}, and
 * {@code POST /admin/dlq/purge} with {@code {"olderThan": "30d"}}. Payloads are masked unless {@code showPii=true}.
 */
final class DeadLetterApi {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_LIMIT = 10_000;

    private final DeadLetters letters;

    DeadLetterApi(DeadLetters letters) {
        this.letters = letters;
    }

    void mount(Router router) {
        String base = ManagementGuard.ADMIN_PATH + "dlq";
        // Not ordered: blocking handlers run on Vert.x's worker pool, and the state database is the bottleneck anyway.
        router.get(base).blockingHandler(this::list, false);
        router.get(base + "/:id").blockingHandler(this::show, false);
        router.post(base + "/replay").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(this::replay, false);
        router.post(base + "/purge").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(this::purge, false);
    }

    private void list(RoutingContext context) {
        String reason = context.request().getParam("reason");
        int limit;
        try {
            limit = Integer.parseInt(context.request().getParam("limit", "100"));
        } catch (NumberFormatException e) {
            AdminReplies.error(context, 400, "limit must be a whole number");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            AdminReplies.error(context, 400, "limit must be between 1 and " + MAX_LIMIT);
            return;
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (DeadLetter letter : letters.list(reason, limit)) {
            Map<String, Object> row = summary(letter);
            row.put("reason", letter.reason().lines().findFirst().orElse(""));
            listed.add(row);
        }
        AdminReplies.json(context, 200, Map.of("deadLetters", listed, "count", listed.size()));
    }

    private void show(RoutingContext context) {
        long id;
        try {
            id = Long.parseLong(context.pathParam("id"));
        } catch (NumberFormatException e) {
            AdminReplies.error(context, 400, "a dead letter id is a whole number");
            return;
        }
        boolean showPii = "true".equalsIgnoreCase(context.request().getParam("showPii"));
        letters.find(id).ifPresentOrElse(letter -> {
            Map<String, Object> shown = summary(letter);
            shown.put("reason", letter.reason());
            String payload = showPii ? letter.event().json() : PersonalData.mask(letter.event().json());
            shown.put("payload", payloadJson(payload));
            AdminReplies.json(context, 200, shown);
        }, () -> AdminReplies.error(context, 404, "no dead letter " + id));
    }

    private void replay(RoutingContext context) {
        JsonNode body = body(context);
        if (body == null) {
            return;
        }
        boolean all = body.path("all").asBoolean(false);
        JsonNode ids = body.path("ids");
        boolean hasIds = ids.isArray() && !ids.isEmpty();
        if (all == hasIds) {
            AdminReplies.error(context, 400, "send either {\"all\": true} or {\"ids\": [dead letter ids]}");
            return;
        }
        List<Long> chosen = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                AdminReplies.error(context, 400, "ids must be whole numbers");
                return;
            }
            chosen.add(id.asLong());
        }
        int replayed = letters.replay(all ? letters.allIds() : chosen);
        AdminReplies.json(context, 200, Map.of("replayed", replayed));
    }

    private void purge(RoutingContext context) {
        JsonNode body = body(context);
        if (body == null) {
            return;
        }
        Duration age;
        try {
            age = DeadLetterRetention.parseAge(body.path("olderThan").asText(""));
        } catch (IllegalArgumentException e) {
            AdminReplies.error(context, 400, "olderThan: " + e.getMessage());
            return;
        }
        AdminReplies.json(context, 200, Map.of("purged", letters.purgeOlderThan(age)));
    }

    /** The request's JSON object, or null after answering 400. */
    private static JsonNode body(RoutingContext context) {
        JsonNode body;
        try {
            body = AdminReplies.JSON.readTree(context.body().asString("UTF-8"));
        } catch (java.io.IOException | RuntimeException malformed) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            AdminReplies.error(context, 400, "the body must be a JSON object");
            return null;
        }
        return body;
    }

    private static Map<String, Object> summary(DeadLetter letter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", letter.id());
        row.put("channel", letter.channel());
        row.put("eventId", letter.event().id());
        row.put("failedAt", Instant.ofEpochMilli(letter.failedAtMillis()).toString());
        return row;
    }

    private static Object payloadJson(String payload) {
        try {
            return AdminReplies.JSON.readTree(payload);
        } catch (java.io.IOException e) {
            return payload;
        }
    }
}

package dev.ferry.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.web.Json;
import java.util.Iterator;
import java.util.Set;

/** {@link FaultSettings} as the {@code /sandbox/faults} admin API reads and writes them; absent fields take defaults. */
final class FaultSettingsJson {

    private static final Set<String> FIELDS =
            Set.of("failFirst", "failStatus", "rateLimitEvery", "retryAfterSeconds", "latencyMs", "down");

    private FaultSettingsJson() {
    }

    /** @throws IllegalArgumentException naming the field that is unknown, mistyped or out of range */
    static FaultSettings read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; known: " + FIELDS);
            }
        }
        FaultSettings none = FaultSettings.none();
        return FaultSettings.builder()
                .failFirst(integer(json, "failFirst", none.failFirst()))
                .failStatus(integer(json, "failStatus", none.failStatus()))
                .rateLimitEvery(integer(json, "rateLimitEvery", none.rateLimitEvery()))
                .retryAfterSeconds(integer(json, "retryAfterSeconds", none.retryAfterSeconds()))
                .latencyMs(integer(json, "latencyMs", (int) none.latencyMs()))
                .down(bool(json, "down"))
                .build();
    }

    static ObjectNode write(FaultSettings settings) {
        return Json.object()
                .put("failFirst", settings.failFirst())
                .put("failStatus", settings.failStatus())
                .put("rateLimitEvery", settings.rateLimitEvery())
                .put("retryAfterSeconds", settings.retryAfterSeconds())
                .put("latencyMs", settings.latencyMs())
                .put("down", settings.down());
    }

    private static int integer(JsonNode json, String field, int fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.booleanValue();
    }
}

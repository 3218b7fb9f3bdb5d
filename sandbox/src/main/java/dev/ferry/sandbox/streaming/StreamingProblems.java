package dev.ferry.sandbox.streaming;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.schema.ValidationResult;
import dev.ferry.sandbox.schema.Violation;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;

/**
 * The Data Collection Core Service's problem documents, typed
 * {@code http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet} as its streaming validation guide
 * shows, with the {@code _streamingValidation} report it documents for synchronous validation.
 */
final class StreamingProblems {

    static final String INLET_PROBLEM = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet";

    private StreamingProblems() {
    }

    static Reply unknownInlet(String connectionId) {
        return Reply.problem(404, Json.object()
                .put("type", INLET_PROBLEM)
                .put("status", 404)
                .put("title", "Inlet not found")
                .put("detail", "No streaming connection (inlet) with id '" + connectionId + "' exists in this organization."));
    }

    static Reply malformed(String detail) {
        return Reply.problem(400, Json.object()
                .put("type", INLET_PROBLEM)
                .put("status", 400)
                .put("title", "Invalid request")
                .put("detail", detail));
    }

    static Reply tooLarge(long size, long limit) {
        return Reply.plainProblem(413, "Payload Too Large",
                "The request body of " + size + " bytes is greater than the streaming limit of " + limit + " bytes (1 MB).");
    }

    /** A message refused before or by XDM validation; {@code validation} is null when the header was wrong. */
    static Reply invalidMessage(String message, ValidationResult validation) {
        ObjectNode report = Json.object().put("message", message);
        if (validation != null) {
            ArrayNode causes = Json.array();
            for (Violation v : validation.violations()) {
                causes.addObject()
                        .put("schemaLocation", "#")
                        .put("pointerToViolation", pointer(v.path()))
                        .put("keyword", v.keyword())
                        .put("message", v.message())
                        .putArray("causingExceptions");
            }
            ObjectNode summary = report.putObject("cause").putArray("_streamingValidation").addObject()
                    .put("schemaLocation", "#")
                    .put("pointerToViolation", "#");
            summary.set("causingExceptions", causes);
            summary.put("message", causes.size() + " schema violations found");
        }
        ObjectNode body = Json.object()
                .put("type", INLET_PROBLEM)
                .put("status", 400)
                .put("title", "Invalid XDM Message Format");
        body.set("report", report);
        return Reply.problem(400, body);
    }

    /** {@code $.commerce.order.payments[0]} as the JSON pointer fragment {@code #/commerce/order/payments/0}. */
    static String pointer(String jsonPath) {
        String rest = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return "#" + rest.replace("[", ".").replace("]", "").replace('.', '/');
    }
}

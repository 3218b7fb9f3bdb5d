package dev.ferry.sandbox.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import java.util.List;

/**
 * The Edge Network's RFC 7807 error documents. Types follow its documented form
 * {@code https://ns.adobe.com/aep/errors/EXEG-<code>-<status>}; the codes used are the documented ones
 * (EXEG-0003-400 unknown datastream, EXEG-0500/0503-401 tokens, EXEG-0201-503 unavailable) and EXEG-0113-400,
 * the code Edge answers an invalid request with.
 */
public final class EdgeProblems {

    private static final String TYPE_PREFIX = "https://ns.adobe.com/aep/errors/";

    private EdgeProblems() {
    }

    public static Reply unknownDatastream(String datastreamId) {
        return problem(400, "EXEG-0003-400", "Invalid datastream ID",
                "The referenced datastream '" + datastreamId + "' doesn't exist. Update the reference and try again.",
                List.of());
    }

    /** A malformed request or events failing the dataset's XDM schema; the whole request is rejected. */
    public static Reply invalidRequest(String detail, List<String> errors) {
        return problem(400, "EXEG-0113-400", "Invalid request", detail, errors);
    }

    public static Reply invalidToken(String detail) {
        return problem(401, "EXEG-0500-401", "Invalid authorization token", detail, List.of());
    }

    public static Reply expiredToken() {
        return problem(401, "EXEG-0503-401", "Invalid authorization token",
                "The provided authorization token is expired. Generate a new token and try again.", List.of());
    }

    public static Reply unavailable() {
        return problem(503, "EXEG-0201-503",
                "The 'com.adobe.experience.platform.edge' service is temporarily unable to serve this request. "
                        + "Please try again later.",
                "Service unavailable.", List.of());
    }

    /** Edge documents no code for an oversize request, so the problem uses the standard {@code about:blank} type. */
    public static Reply tooLarge(long size, long limit) {
        return Reply.plainProblem(413, "Payload Too Large",
                "The request body of " + size + " bytes exceeds the Edge Network limit of " + limit + " bytes.");
    }

    private static Reply problem(int status, String code, String title, String detail, List<String> errors) {
        ObjectNode body = Json.object()
                .put("type", TYPE_PREFIX + code)
                .put("status", status)
                .put("title", title)
                .put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = Json.array();
            errors.forEach(list::add);
            body.putObject("report").set("errors", list);
        }
        return Reply.problem(status, body);
    }
}

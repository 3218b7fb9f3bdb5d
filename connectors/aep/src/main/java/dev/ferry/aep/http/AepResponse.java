package dev.ferry.aep.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ferry.core.xdm.Xdm;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** AEP's answer to one request, read whole: AEP's answers are small JSON documents. */
public record AepResponse(int status, HttpHeaders headers, byte[] body) {

    /** Longest piece of a non-JSON body quoted in a reason; gateways sometimes answer with a whole HTML page. */
    private static final int MAX_QUOTED_CHARS = 300;

    public boolean isSuccess() {
        return AepStatus.isSuccess(status);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON, or a missing node when it is empty or not JSON, so readers can navigate without checks. */
    public JsonNode json() {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Xdm.JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Why AEP refused, in AEP's words: a problem document's title and detail with the errors of its report, or the
     * message of a simpler error body, or the start of the body itself.
     */
    public String reason() {
        JsonNode json = json();
        List<String> parts = new ArrayList<>();
        addText(parts, json.path("title"));
        addText(parts, json.path("detail"));
        if (parts.isEmpty()) {
            addText(parts, json.path("message"));
        }
        if (parts.isEmpty()) {
            addText(parts, json.path("error_description"));
        }
        json.path("report").path("errors").forEach(error -> addText(parts,
                error.isTextual() ? error : error.has("message") ? error.path("message") : error.path("title")));
        if (parts.isEmpty() && body != null && body.length > 0 && json.isMissingNode()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            parts.add(text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text);
        }
        String words = String.join(": ", parts);
        return status + (words.isEmpty() ? "" : " " + words);
    }

    private static void addText(List<String> parts, JsonNode node) {
        if (node.isValueNode() && !node.asText().isBlank()) {
            parts.add(node.asText().strip());
        }
    }
}

package dev.ferry.sandbox.edge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.schema.ValidationResult;
import dev.ferry.sandbox.web.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates the events of one Edge request all-or-nothing: if any event's {@code xdm} fails the dataset's schema
 * the whole request is refused and nothing is stored, so a client can fix and resend it as a unit.
 */
final class EdgeEvents {

    private final EventIntake intake;

    EdgeEvents(EventIntake intake) {
        this.intake = intake;
    }

    /**
     * Stores the events, or explains why none was stored.
     *
     * @param events the request's event objects, each with an {@code xdm} object
     * @return the refusal, or empty when every event was stored
     */
    Optional<Reply> ingest(List<JsonNode> events) {
        List<JsonNode> xdms = new ArrayList<>(events.size());
        List<String> errors = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode xdm = events.get(i).get("xdm");
            ValidationResult result = intake.validate(xdm);
            xdms.add(xdm);
            if (!result.isValid()) {
                intake.reject(xdm, Channel.EDGE, result);
                failures.add("event " + i + " at " + String.join(", ", result.paths()));
                for (String message : result.messages()) {
                    errors.add("Event " + i + ": " + message);
                }
            }
        }
        if (!failures.isEmpty()) {
            return Optional.of(EdgeProblems.invalidRequest(
                    "XDM validation failed for " + String.join("; ", failures)
                            + ". No event of the request was ingested; fix them and try again.",
                    errors));
        }
        xdms.forEach(xdm -> intake.accept(xdm, Channel.EDGE));
        return Optional.empty();
    }
}

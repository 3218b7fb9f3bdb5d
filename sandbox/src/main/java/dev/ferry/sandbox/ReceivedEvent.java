package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One XDM event the sandbox received, accepted or rejected.
 *
 * <p>The XDM is kept as its JSON text rather than a tree: a retained text costs a fraction of the memory of a
 * Jackson tree, which matters when the sandbox keeps the last 200,000 events of a benchmark.
 *
 * @param id               the XDM {@code _id}, or an empty string when the event had none
 * @param eventType        the XDM {@code eventType}, or an empty string when the event had none
 * @param channel          how the event arrived
 * @param receivedAt       when the sandbox received it
 * @param valid            whether it passed schema validation and was stored as AEP would store it
 * @param validationErrors why it was rejected, each naming the failing JSON path; empty when valid
 * @param xdmJson          the XDM object exactly as received, as JSON text
 */
public record ReceivedEvent(
        String id,
        String eventType,
        Channel channel,
        Instant receivedAt,
        boolean valid,
        List<String> validationErrors,
        String xdmJson) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReceivedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        validationErrors = List.copyOf(validationErrors);
        Objects.requireNonNull(xdmJson, "xdmJson");
    }

    /** The XDM object, parsed from {@link #xdmJson()} on each call. */
    public JsonNode xdm() {
        try {
            return JSON.readTree(xdmJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

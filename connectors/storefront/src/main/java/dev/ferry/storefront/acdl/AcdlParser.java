package dev.ferry.storefront.acdl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a collector request body: a JSON array of events, or {@code {"events": [...], "consent": "out"}}. The
 * limits are enforced while reading, so an oversized or too deeply nested body is refused as a whole
 * ({@link AcdlRejection}) and nothing of it is stored; an element that is not a well-formed event, or an event over
 * {@code maxEventBytes}, is rejected alone.
 */
public final class AcdlParser {

    private final AcdlLimits limits;
    private final ObjectMapper mapper;

    public AcdlParser(AcdlLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxDocumentLength(limits.maxBatchBytes())
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public AcdlLimits limits() {
        return limits;
    }

    public AcdlBatch parse(byte[] body) {
        if (body.length > limits.maxBatchBytes()) {
            throw tooLarge(body.length);
        }
        List<AcdlBatch.Entry> entries = new ArrayList<>();
        boolean optedOut = false;
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readEvents(parser, entries);
            } else if (first == JsonToken.START_OBJECT) {
                boolean sawEvents = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("events".equals(field)) {
                        if (value != JsonToken.START_ARRAY) {
                            throw new AcdlRejection(400, "\"events\" must be an array of events");
                        }
                        readEvents(parser, entries);
                        sawEvents = true;
                    } else if ("consent".equals(field)) {
                        optedOut = value == JsonToken.VALUE_STRING && "out".equalsIgnoreCase(parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
                if (!sawEvents) {
                    throw new AcdlRejection(400, "the body must be a JSON array of events or {\"events\": [...]}");
                }
            } else {
                throw new AcdlRejection(400, first == null ? "the body is empty"
                        : "the body must be a JSON array of events or {\"events\": [...]}");
            }
            if (parser.nextToken() != null) {
                throw new AcdlRejection(400, "not JSON: unexpected content after the end of the JSON value");
            }
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                throw new AcdlRejection(400, "JSON nested deeper than " + limits.maxDepth() + " levels");
            }
            throw tooLarge(body.length);
        } catch (JsonProcessingException e) {
            throw new AcdlRejection(400, "not JSON: " + oneLine(e));
        } catch (IOException e) {
            throw new AcdlRejection(400, "the body cannot be read: " + e.getMessage());
        }
        if (optedOut) {
            entries.replaceAll(entry -> entry.isRejected() ? entry : AcdlBatch.Entry.of(optOut(entry.event())));
        }
        return new AcdlBatch(List.copyOf(entries));
    }

    private void readEvents(JsonParser parser, List<AcdlBatch.Entry> entries) throws IOException {
        int index = entries.size();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (index >= limits.maxEvents()) {
                throw new AcdlRejection(413, "more than " + limits.maxEvents() + " events in one request");
            }
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode node = parser.readValueAsTree();
            long bytes = parser.currentLocation().getByteOffset() - start;
            entries.add(entry(index, node, bytes));
            index++;
        }
    }

    private AcdlBatch.Entry entry(int index, JsonNode node, long bytes) {
        if (bytes > limits.maxEventBytes()) {
            return AcdlBatch.Entry.rejected(index, "the event is " + bytes + " bytes; the limit is "
                    + limits.maxEventBytes());
        }
        if (!(node instanceof ObjectNode event)) {
            return AcdlBatch.Entry.rejected(index, "an event is a JSON object with \"event\" and \"eventInfo\"");
        }
        JsonNode name = event.path("event");
        if (!name.isTextual() || name.textValue().isBlank()) {
            return AcdlBatch.Entry.rejected(index, "\"event\" (the ACDL event name) is missing");
        }
        JsonNode eventInfo = event.path("eventInfo");
        if (!eventInfo.isMissingNode() && !eventInfo.isNull() && !eventInfo.isObject()) {
            return AcdlBatch.Entry.rejected(index, "\"eventInfo\" must be an object of ACDL contexts");
        }
        JsonNode context = event.path("context");
        boolean optedOut = "out".equalsIgnoreCase(event.path("consent").asText(""));
        return AcdlBatch.Entry.of(new AcdlEvent(index, name.textValue(),
                eventInfo instanceof ObjectNode contexts ? contexts : mapper.createObjectNode(),
                event.get("timestamp"), context.isObject() ? context : null, optedOut));
    }

    private static AcdlEvent optOut(AcdlEvent event) {
        return new AcdlEvent(event.index(), event.name(), event.eventInfo(), event.timestamp(), event.context(), true);
    }

    private AcdlRejection tooLarge(long bytes) {
        return new AcdlRejection(413, "the body is " + bytes + " bytes; the limit is " + limits.maxBatchBytes());
    }

    private static String oneLine(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").strip();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }
}

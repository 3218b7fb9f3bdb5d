package dev.ferry.sandbox.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.ReceivedEvents;
import dev.ferry.sandbox.profiles.ProfileFacts;
import dev.ferry.sandbox.schema.ValidationResult;
import dev.ferry.sandbox.schema.XdmSchema;
import dev.ferry.sandbox.schema.streaming.StreamingCheck;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.SandboxStats;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where every ingestion path hands its XDM events: validation against the dataset's schema, then recording of
 * what was accepted (stored, as AEP would store it) or rejected (kept only for inspection).
 */
public final class EventIntake {

    private final XdmSchema schema;
    private final Optional<StreamingCheck> streamingCheck;
    private final ReceivedEvents events;
    private final SandboxStats stats;
    private final Clock clock;
    private final Consumer<ProfileFacts> onAccepted;

    /**
     * @param onAccepted what else learns of each accepted event: the profile store and its audience rules, as AEP's
     *                   streaming segmentation sees every ingested event whatever the path
     */
    public EventIntake(XdmSchema schema, ReceivedEvents events, SandboxStats stats, Clock clock,
                       Consumer<ProfileFacts> onAccepted) {
        this.schema = schema;
        this.streamingCheck = schema.streamingCheck(EventFacts.READ_FROM);
        this.events = events;
        this.stats = stats;
        this.clock = clock;
        this.onAccepted = onAccepted;
    }

    /**
     * What storing the event in {@code content} needs, when its bytes alone prove it valid; empty when they do not,
     * and the event's tree must be {@link #validate validated} to tell.
     */
    public Optional<EventFacts> provenValid(byte[] content, int offset, int length) {
        return streamingCheck.map(check -> check.provenValid(content, offset, length)).map(EventFacts::of);
    }

    public ValidationResult validate(JsonNode xdm) {
        return schema.validate(xdm);
    }

    /** Stores an event that passed validation, keeping it as the text of its tree. */
    public void accept(JsonNode xdm, Channel channel) {
        accept(xdm, Json.text(xdm), channel);
    }

    /**
     * Stores an event that passed validation, keeping {@code xdmJson}, the text it arrived as, which saves writing
     * the tree out again when the caller has the text.
     */
    public void accept(JsonNode xdm, String xdmJson, Channel channel) {
        accept(EventFacts.of(xdm), xdmJson, channel);
    }

    /**
     * Stores an event that passed validation from what was read of its tree, keeping {@code xdmJson}, the text it
     * arrived as.
     */
    public void accept(EventFacts facts, String xdmJson, Channel channel) {
        boolean duplicate = events.record(toEvent(facts.id(), facts.eventType(), xdmJson, channel, true, List.of()));
        stats.eventAccepted(duplicate);
        if (!duplicate) {
            onAccepted.accept(facts.profile());
        }
    }

    /** Records an event the dataset refused, with the reasons, keeping it as the text of its tree. */
    public void reject(JsonNode xdm, Channel channel, ValidationResult result) {
        reject(xdm, xdm == null ? "null" : Json.text(xdm), channel, result);
    }

    /** Records an event the dataset refused, with the reasons, keeping {@code xdmJson}, the text it arrived as. */
    public void reject(JsonNode xdm, String xdmJson, Channel channel, ValidationResult result) {
        events.record(toEvent(EventFacts.idOf(xdm), EventFacts.eventTypeOf(xdm), xdmJson, channel, false,
                result.messages()));
        stats.eventRejected();
    }

    private ReceivedEvent toEvent(String id, String eventType, String xdmJson, Channel channel, boolean valid,
                                  List<String> errors) {
        return new ReceivedEvent(
                id,
                eventType,
                channel,
                clock.instant(),
                valid,
                errors,
                xdmJson);
    }
}

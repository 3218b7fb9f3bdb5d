package dev.ferry.sandbox.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.schema.ValidationResult;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Offload;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Streaming ingestion (DCS): {@code POST /collection/{connectionId}} for one message and
 * {@code POST /collection/batch/{connectionId}} for several, answered 207 Multi-Status with one response per
 * message in order: {@code {"xactionId"}} when ingested, {@code {"statusCode":400,"message"}} when refused.
 *
 * <p>The sandbox validates XDM synchronously on both endpoints, so an invalid message is refused in the answer
 * instead of landing later in a failed batch: what AEP's {@code syncValidation=true} does for single messages.
 */
public final class StreamingHandlers {

    /** DCS refuses requests larger than 1 MB. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private final Vertx vertx;
    private final SandboxSettings settings;
    private final EventIntake intake;
    private final DcsMessages messages;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public StreamingHandlers(Vertx vertx, SandboxSettings settings, EventIntake intake, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.intake = intake;
        this.messages = new DcsMessages(settings);
        this.clock = clock;
    }

    public static BodyReader bodyReader() {
        return new BodyReader(MAX_REQUEST_BYTES, size -> StreamingProblems.tooLarge(size, MAX_REQUEST_BYTES));
    }

    public Handler<RoutingContext> single() {
        return ctx -> withInlet(ctx, body -> single(body, "true".equals(ctx.request().getParam("syncValidation"))));
    }

    public Handler<RoutingContext> batch() {
        return ctx -> withInlet(ctx, this::batch);
    }

    Reply single(byte[] body, boolean syncValidationRequested) {
        Optional<JsonNode> message = Json.parse(body).filter(JsonNode::isObject);
        if (message.isEmpty()) {
            return StreamingProblems.malformed("The request body is not a JSON message object.");
        }
        long receivedMs = clock.millis();
        Outcome outcome = ingest(message.get());
        if (!outcome.ingested()) {
            return StreamingProblems.invalidMessage(outcome.reason(), outcome.validation());
        }
        ObjectNode answer = Json.object()
                .put("inletId", settings.streamingConnectionId())
                .put("xactionId", receivedMs + ":" + sequence.incrementAndGet())
                .put("receivedTimeMs", receivedMs);
        answer.putObject("syncValidation").put("skipped", !syncValidationRequested);
        return Reply.json(200, answer);
    }

    Reply batch(byte[] body) {
        JsonNode list = Json.parse(body).map(b -> b.get("messages")).orElse(null);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return StreamingProblems.malformed("The request body must be a JSON object with a non-empty 'messages' array.");
        }
        long receivedMs = clock.millis();
        String batchId = receivedMs + ":" + sequence.incrementAndGet() + ":" + list.size();
        ArrayNode responses = Json.array();
        for (int i = 0; i < list.size(); i++) {
            Outcome outcome = ingest(list.get(i));
            if (outcome.ingested()) {
                responses.addObject().put("xactionId", batchId + ":" + i);
            } else {
                responses.addObject().put("statusCode", 400).put("message", outcome.reason());
            }
        }
        ObjectNode answer = Json.object()
                .put("inletId", settings.streamingConnectionId())
                .put("batchId", batchId)
                .put("receivedTimeMs", receivedMs);
        answer.set("responses", responses);
        return Reply.json(207, answer);
    }

    private Outcome ingest(JsonNode message) {
        Optional<String> envelope = messages.envelopeProblem(message);
        if (envelope.isPresent()) {
            return new Outcome(false, envelope.get(), null);
        }
        JsonNode xdm = message.path("body").path("xdmEntity");
        ValidationResult result = intake.validate(xdm);
        if (!result.isValid()) {
            intake.reject(xdm, Channel.STREAMING, result);
            return new Outcome(false, messages.prefixed("Message is invalid: " + result.violations().size()
                    + " schema violations found: " + String.join("; ", result.messages())), result);
        }
        intake.accept(xdm, Channel.STREAMING);
        return new Outcome(true, "", result);
    }

    private void withInlet(RoutingContext ctx, Function<byte[], Reply> operation) {
        String connectionId = ctx.pathParam("connectionId");
        if (!settings.streamingConnectionId().equals(connectionId)) {
            StreamingProblems.unknownInlet(connectionId).send(ctx);
            return;
        }
        byte[] body = BodyReader.body(ctx);
        Offload.reply(vertx, ctx, () -> operation.apply(body));
    }

    /** How one message fared; {@code validation} is null when the envelope was refused before validation. */
    private record Outcome(boolean ingested, String reason, ValidationResult validation) {
    }
}

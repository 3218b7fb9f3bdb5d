package dev.ferry.sandbox.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.segmentation.AudienceQualifier;
import dev.ferry.sandbox.segmentation.Memberships;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Offload;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Edge Network Server API: {@code POST /ee/v2/collect} (fire and forget, 204) and
 * {@code POST /ee/v2/interact} (200 with handles, including {@code activation:pull}).
 */
public final class EdgeHandlers {

    /** The Edge Network's request size limit. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;

    private static final List<String> DATASTREAM_PARAMETERS = List.of("datastreamId", "dataStreamId", "configId");

    private final Vertx vertx;
    private final SandboxSettings settings;
    private final EdgeEvents events;
    private final ActivationPull activationPull;

    public EdgeHandlers(Vertx vertx, SandboxSettings settings, EventIntake intake, Memberships memberships,
                        AudienceQualifier qualifier) {
        this.vertx = vertx;
        this.settings = settings;
        this.events = new EdgeEvents(intake);
        this.activationPull = new ActivationPull(memberships, qualifier);
    }

    public static BodyReader bodyReader() {
        return new BodyReader(MAX_REQUEST_BYTES, size -> EdgeProblems.tooLarge(size, MAX_REQUEST_BYTES));
    }

    public Handler<RoutingContext> collect() {
        return ctx -> withDatastream(ctx, this::collect);
    }

    public Handler<RoutingContext> interact() {
        return ctx -> withDatastream(ctx, this::interact);
    }

    Reply collect(byte[] body) {
        Optional<JsonNode> request = Json.parse(body);
        JsonNode list = request.map(r -> r.get("events")).orElse(null);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return EdgeProblems.invalidRequest("The request body must be a JSON object with a non-empty 'events' array.",
                    List.of());
        }
        List<JsonNode> eventList = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).path("xdm").isObject()) {
                return EdgeProblems.invalidRequest("Event " + i + " has no 'xdm' object.", List.of());
            }
            eventList.add(list.get(i));
        }
        return events.ingest(eventList).orElseGet(() -> Reply.empty(204));
    }

    Reply interact(byte[] body) {
        JsonNode event = Json.parse(body).map(r -> r.get("event")).orElse(null);
        if (event == null || !event.path("xdm").isObject()) {
            return EdgeProblems.invalidRequest("The request body must be a JSON object with an 'event' holding an 'xdm' object.",
                    List.of());
        }
        Optional<Reply> refused = events.ingest(List.of(event));
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode answer = Json.object().put("requestId", UUID.randomUUID().toString());
        answer.putArray("handle").add(activationPull.handleFor(event.get("xdm"), 0));
        return Reply.json(200, answer);
    }

    /**
     * The datastream a request names: {@code datastreamId} as Ferry sends it, or the {@code dataStreamId} and
     * {@code configId} spellings Adobe's Server API guides and Web SDK use.
     */
    private static String datastreamId(RoutingContext ctx) {
        for (String name : DATASTREAM_PARAMETERS) {
            String value = ctx.request().getParam(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private void withDatastream(RoutingContext ctx, Function<byte[], Reply> operation) {
        String datastreamId = datastreamId(ctx);
        if (!settings.datastreamId().equals(datastreamId)) {
            EdgeProblems.unknownDatastream(datastreamId == null ? "" : datastreamId).send(ctx);
            return;
        }
        byte[] body = BodyReader.body(ctx);
        Offload.reply(vertx, ctx, () -> operation.apply(body));
    }
}

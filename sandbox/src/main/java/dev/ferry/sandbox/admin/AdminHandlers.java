package dev.ferry.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.ReceivedEvents;
import dev.ferry.sandbox.SandboxFaults;
import dev.ferry.sandbox.destination.DestinationPush;
import dev.ferry.sandbox.segmentation.Audience;
import dev.ferry.sandbox.segmentation.AudienceRule;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import dev.ferry.sandbox.segmentation.Memberships;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import dev.ferry.sandbox.web.SandboxStats;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's own admin API under {@code /sandbox}: faults, inspection of received events, statistics,
 * audiences and memberships, and the HTML page. It is a local development tool, so it asks for no AEP token;
 * the sandbox only listens on the loopback interface.
 */
public final class AdminHandlers {

    static final int DEFAULT_EVENT_LIMIT = 100;
    private static final long MAX_BODY_BYTES = 1024 * 1024;

    private final SandboxFaults faults;
    private final ReceivedEvents events;
    private final SandboxStats stats;
    private final AudienceCatalog audiences;
    private final Memberships memberships;
    private final DestinationPush destination;
    private final String schemaSource;

    public AdminHandlers(SandboxFaults faults, ReceivedEvents events, SandboxStats stats, AudienceCatalog audiences,
            Memberships memberships, DestinationPush destination, String schemaSource) {
        this.faults = faults;
        this.events = events;
        this.stats = stats;
        this.audiences = audiences;
        this.memberships = memberships;
        this.destination = destination;
        this.schemaSource = schemaSource;
    }

    public void mount(Router router) {
        BodyReader body = new BodyReader(MAX_BODY_BYTES,
                size -> Reply.plainProblem(413, "Payload Too Large", "Admin requests are limited to 1 MB."));
        router.get("/sandbox").handler(ctx -> page().send(ctx));
        router.get("/sandbox/faults").handler(ctx -> Reply.json(200, FaultSettingsJson.write(faults.current())).send(ctx));
        router.put("/sandbox/faults").handler(body).handler(ctx -> putFaults(BodyReader.body(ctx)).send(ctx));
        router.delete("/sandbox/faults").handler(ctx -> {
            faults.clear();
            Reply.empty(204).send(ctx);
        });
        router.get("/sandbox/events").handler(this::listEvents);
        router.delete("/sandbox/events").handler(ctx -> {
            events.clear();
            Reply.empty(204).send(ctx);
        });
        router.get("/sandbox/stats").handler(ctx -> Reply.json(200, statsJson()).send(ctx));
        router.get("/sandbox/audiences").handler(ctx -> Reply.json(200, audiencesJson()).send(ctx));
        router.put("/sandbox/audiences").handler(body).handler(ctx -> putAudiences(BodyReader.body(ctx)).send(ctx));
        router.get("/sandbox/destination").handler(ctx -> Reply.json(200, destination.toJson()).send(ctx));
        router.put("/sandbox/destination").handler(body).handler(ctx -> putDestination(BodyReader.body(ctx)).send(ctx));
        router.put("/sandbox/memberships/:namespace/:id").handler(body).handler(ctx ->
                putMemberships(ctx.pathParam("namespace"), ctx.pathParam("id"), BodyReader.body(ctx)).send(ctx));
    }

    Reply putFaults(byte[] body) {
        try {
            faults.apply(FaultSettingsJson.read(Json.parse(body).orElse(null)));
            return Reply.json(200, FaultSettingsJson.write(faults.current()));
        } catch (IllegalArgumentException e) {
            return Reply.plainProblem(400, "Bad Request", "Invalid faults: " + e.getMessage());
        }
    }

    Reply putAudiences(byte[] body) {
        JsonNode list = Json.parse(body).filter(JsonNode::isArray).orElse(null);
        if (list == null) {
            return Reply.plainProblem(400, "Bad Request",
                    "The body must be a JSON array of {\"name\",\"description\",\"expression\",\"id\",\"rule\"} objects.");
        }
        List<Audience> replacement = new ArrayList<>();
        for (JsonNode item : list) {
            String name = Json.textField(item, "name");
            if (name.isBlank()) {
                return Reply.plainProblem(400, "Bad Request", "Every audience needs a name.");
            }
            Audience named = Audience.named(name, Json.textField(item, "description"), Json.textField(item, "expression"));
            String id = Json.textField(item, "id");
            Audience audience = id.isBlank() ? named : named.withId(id);
            if (item.hasNonNull("rule")) {
                try {
                    audience = audience.withRule(AudienceRule.fromJson(item.get("rule")));
                } catch (IllegalArgumentException e) {
                    return Reply.plainProblem(400, "Bad Request", "Invalid rule of audience '" + name + "': " + e.getMessage());
                }
            }
            replacement.add(audience);
        }
        audiences.replace(replacement);
        return Reply.empty(204);
    }

    /** The catalog with each audience's rule, as {@code PUT /sandbox/audiences} takes it. */
    private ArrayNode audiencesJson() {
        ArrayNode list = Json.array();
        for (Audience audience : audiences.all()) {
            ObjectNode json = list.addObject()
                    .put("id", audience.id())
                    .put("name", audience.name())
                    .put("description", audience.description())
                    .put("expression", audience.pql());
            audience.evaluatedRule().ifPresent(rule -> json.set("rule", rule.toJson()));
        }
        return list;
    }

    Reply putDestination(byte[] body) {
        JsonNode json = Json.parse(body).filter(JsonNode::isObject).orElse(null);
        String url = json == null ? "" : Json.textField(json, "url");
        URI uri;
        try {
            uri = url.isBlank() ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (json == null || (!url.isBlank() && (uri == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null))) {
            return Reply.plainProblem(400, "Bad Request",
                    "The body must be {\"url\":\"http(s)://...\",\"token\":\"...\"}; an empty url stops pushing.");
        }
        String token = Json.textField(json, "token");
        destination.retarget(new DestinationPush.Target(Optional.ofNullable(uri),
                token.isBlank() ? Optional.empty() : Optional.of(token)));
        return Reply.json(200, destination.toJson());
    }

    Reply putMemberships(String namespace, String id, byte[] body) {
        JsonNode list = Json.parse(body).filter(JsonNode::isArray).orElse(null);
        List<String> audienceIds = new ArrayList<>();
        if (list != null) {
            list.forEach(item -> audienceIds.add(item.isTextual() ? item.asText() : ""));
        }
        if (list == null || audienceIds.contains("")) {
            return Reply.plainProblem(400, "Bad Request", "The body must be a JSON array of audience id strings.");
        }
        memberships.put(namespace, id, audienceIds);
        return Reply.empty(204);
    }

    private void listEvents(RoutingContext ctx) {
        String limitParam = ctx.request().getParam("limit");
        String channelParam = ctx.request().getParam("channel");
        int limit;
        try {
            limit = limitParam == null ? DEFAULT_EVENT_LIMIT : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        Optional<Channel> channel = channelParam == null ? Optional.empty() : Channel.fromWireName(channelParam);
        if (limit < 1 || (channelParam != null && channel.isEmpty())) {
            Reply.plainProblem(400, "Bad Request", "limit must be a positive integer and channel one of edge, streaming, batch.")
                    .send(ctx);
            return;
        }
        ArrayNode list = Json.array();
        events.list(limit, channel.orElse(null), ctx.request().getParam("eventType"))
                .forEach(event -> list.add(toJson(event)));
        Reply.json(200, list).send(ctx);
    }

    private Reply page() {
        String html = EventsPage.render(events.list(DEFAULT_EVENT_LIMIT, null, null),
                stats.eventsAccepted(), stats.eventsRejected(), stats.duplicateIds(), schemaSource);
        return Reply.text(200, "text/html; charset=utf-8", html);
    }

    private ObjectNode statsJson() {
        ObjectNode json = stats.toJson();
        json.put("retainedEvents", events.size());
        json.put("requestsBeforeRetryAfter", faults.requestsBeforeRetryAfter());
        json.put("schema", schemaSource);
        return json;
    }

    static ObjectNode toJson(ReceivedEvent event) {
        ObjectNode json = Json.object()
                .put("id", event.id())
                .put("eventType", event.eventType())
                .put("channel", event.channel().wireName())
                .put("receivedAt", event.receivedAt().toString())
                .put("valid", event.valid());
        ArrayNode errors = json.putArray("validationErrors");
        event.validationErrors().forEach(errors::add);
        json.set("xdm", event.xdm());
        return json;
    }
}

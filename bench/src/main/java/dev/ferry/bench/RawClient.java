package dev.ferry.bench;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: one thread posting pre-built, full-size requests straight to the sandbox, with no outbox, no
 * report parsing and no retries. What it reaches is the sandbox's own accept rate on this machine.
 */
final class RawClient {

    private static final int EDGE_LIMIT = 64 * 1024 - 1024;
    private static final int DCS_LIMIT = 1024 * 1024 - 4096;

    private final AepSandbox sandbox;
    private final SandboxSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    RawClient(AepSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        this.settings = sandbox.settings();
        String form = "grant_type=client_credentials&client_id=" + enc(settings.clientId()) + "&client_secret="
                + enc(settings.clientSecret()) + "&scope=openid";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        this.token = body.substring(start, body.indexOf('"', start));
    }

    void warmUp(String api, List<OutboundEvent> events) throws Exception {
        send(api, events);
    }

    /** Sends every event and returns events per second, request building excluded. */
    double send(String api, List<OutboundEvent> events) throws Exception {
        List<String> bodies = api.equals("edge") ? edgeBodies(events) : dcsBodies(events);
        URI uri = URI.create(api.equals("edge")
                ? sandbox.baseUrl() + "/ee/v2/collect?datastreamId=" + enc(settings.datastreamId())
                : sandbox.baseUrl() + "/collection/batch/" + settings.streamingConnectionId());
        long start = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("x-api-key", settings.clientId())
                    .header("x-gw-ims-org-id", settings.imsOrgId())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300 && response.statusCode() != 207) {
                throw new IllegalStateException("sandbox answered " + response.statusCode());
            }
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String> edgeBodies(List<OutboundEvent> events) {
        return pack(events, EDGE_LIMIT, "{\"events\":[", "]}", e -> "{\"xdm\":" + e.json() + "}");
    }

    private List<String> dcsBodies(List<OutboundEvent> events) {
        String schemaRef = "{\"id\":\"" + settings.schemaId()
                + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}";
        String header = "{\"schemaRef\":" + schemaRef + ",\"imsOrgId\":\"" + settings.imsOrgId() + "\",\"datasetId\":\""
                + settings.datasetId() + "\",\"source\":{\"name\":\"bench\"}}";
        return pack(events, DCS_LIMIT, "{\"messages\":[", "]}",
                e -> "{\"header\":" + header + ",\"body\":{\"xdmMeta\":{\"schemaRef\":" + schemaRef + "},\"xdmEntity\":"
                        + e.json() + "}}");
    }

    private static List<String> pack(List<OutboundEvent> events, int limit, String open, String close,
                                     java.util.function.Function<OutboundEvent, String> item) {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder(open);
        boolean empty = true;
        for (OutboundEvent event : events) {
            String next = item.apply(event);
            if (!empty && body.length() + next.length() + close.length() + 1 > limit) {
                bodies.add(body.append(close).toString());
                body = new StringBuilder(open);
                empty = true;
            }
            body.append(empty ? "" : ",").append(next);
            empty = false;
        }
        if (!empty) {
            bodies.add(body.append(close).toString());
        }
        return bodies;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

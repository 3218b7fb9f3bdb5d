package dev.ferry.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin API of a running Ferry (the jar), on its management port, against the AEP sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT {

    private static final String TOKEN = "admin-token-for-the-test";
    private static final String VALID = "{\"_id\":\"%s\",\"timestamp\":\"2026-11-01T00:00:00Z\","
            + "\"eventType\":\"commerce.productViews\",\"commerce\":{\"productViews\":{\"value\":1}}}";

    @TempDir
    static Path work;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private AepSandbox sandbox;
    private FerryProcess ferry;
    private String management;

    @BeforeAll
    void startFerryWithDeadLetters() throws Exception {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
        int managementPort = SandboxConfigFile.freePort();
        Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), managementPort);
        Files.writeString(config, "ferry.admin.token=" + TOKEN + "\n", StandardOpenOption.APPEND);
        try (StateDatabase state = StateDatabase.open("jdbc:h2:file:" + work.resolve("state").toAbsolutePath(), "", "")) {
            state.deadLetters().add("streaming", new OutboundEvent("admin-it-replayed", null,
                    VALID.formatted("admin-it-replayed")), "AEP was down at the time");
            state.deadLetters().add("streaming", new OutboundEvent("admin-it-pii", null,
                    "{\"_id\":\"admin-it-pii\",\"personalEmail\":{\"address\":\"jane@example.com\"}}"),
                    "XDM invalid: timestamp is required");
        }
        ferry = FerryProcess.start(work, Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                "run", "--config", config.toString());
        management = "http://127.0.0.1:" + managementPort;
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(send("GET", "/observe/health", null, null).statusCode()).as(ferry.output()).isEqualTo(200));
    }

    @AfterAll
    void stop() {
        if (ferry != null) {
            ferry.close();
        }
        sandbox.close();
    }

    @Test
    void theAdminApiAndTheMetricsRefuseCallersWithoutTheAdminTokenWhileHealthStaysOpen() throws Exception {
        HttpResponse<String> none = send("GET", "/admin/dlq", null, null);
        HttpResponse<String> wrong = send("GET", "/admin/dlq", "not-the-token", null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(none.body()).doesNotContain("admin-it");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send("POST", "/admin/dlq/replay", null, "{\"all\":true}").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/observe/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/observe/metrics", TOKEN, null).body()).contains("camel");
        assertThat(send("GET", "/observe/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void listAndShowGiveTheDeadLettersWithEmailsMaskedUnlessShowPiiIsAsked() throws Exception {
        JsonNode listed = json.readTree(send("GET", "/admin/dlq?reason=xdm", TOKEN, null).body());
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        JsonNode letter = listed.get("deadLetters").get(0);
        assertThat(letter.get("eventId").asText()).isEqualTo("admin-it-pii");
        assertThat(letter.get("reason").asText()).isEqualTo("XDM invalid: timestamp is required");

        String path = "/admin/dlq/" + letter.get("id").asLong();
        assertThat(send("GET", path, TOKEN, null).body()).contains("****@****").doesNotContain("jane@example.com");
        assertThat(json.readTree(send("GET", path + "?showPii=true", TOKEN, null).body())
                .at("/payload/personalEmail/address").asText()).isEqualTo("jane@example.com");
        assertThat(send("GET", "/admin/dlq/424242", TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/admin/dlq?limit=many", TOKEN, null).statusCode()).isEqualTo(400);
    }

    @Test
    void replayPutsADeadLetterBackIntoItsOutboxAndTheRunningFerryDeliversIt() throws Exception {
        JsonNode listed = json.readTree(send("GET", "/admin/dlq?reason=down", TOKEN, null).body());
        long id = listed.get("deadLetters").get(0).get("id").asLong();

        HttpResponse<String> replayed = send("POST", "/admin/dlq/replay", TOKEN, "{\"ids\":[" + id + "]}");

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replayed.body()).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sandbox.events().countById("admin-it-replayed")).isEqualTo(1));
        assertThat(send("GET", "/admin/dlq/" + id, TOKEN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetAOneLineReasonAndChangeNothing() throws Exception {
        HttpResponse<String> both = send("POST", "/admin/dlq/replay", TOKEN, "{\"all\":true,\"ids\":[1]}");
        HttpResponse<String> notJson = send("POST", "/admin/dlq/replay", TOKEN, "{\"all\":");
        HttpResponse<String> badAge = send("POST", "/admin/dlq/purge", TOKEN, "{\"olderThan\":\"soon\"}");

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(badAge.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badAge.body()).get("error").asText()).startsWith("olderThan: an age is");
        assertThat(json.readTree(send("POST", "/admin/dlq/purge", TOKEN, "{\"olderThan\":\"30d\"}").body())
                .get("purged").asInt()).isZero();
        assertThat(json.readTree(send("GET", "/admin/dlq?reason=xdm", TOKEN, null).body()).get("count").asInt())
                .isEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(management + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

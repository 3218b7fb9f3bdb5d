package dev.ferry.app;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `ferry run` as operators start it: the jar, a config file, environment overrides and a routes directory holding
 * the default routes (with their optional flows off) and a route of sample events.
 */
class RunIT {

    @TempDir
    Path work;

    private AepSandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startSandbox() {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void runStartsTheDefaultRoutesDeliversWhatItsRoutesProduceServesHealthAndMetricsAndStopsOnSigterm() throws Exception {
        int httpPort = SandboxConfigFile.freePort();
        int managementPort = SandboxConfigFile.freePort();
        Path config = SandboxConfigFile.write(work, sandbox, httpPort, managementPort);
        Path routes = Files.createDirectories(work.resolve("routes"));
        // The default routes as shipped: order polling and the audience endpoints are off unless configured.
        try (var defaults = Files.list(Path.of("..", "routes"))) {
            for (Path route : defaults.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(route, routes.resolve(route.getFileName()));
            }
        }
        Files.copy(Path.of("src", "test", "resources", "it-routes", "sample-events.yaml"), routes.resolve("sample-events.yaml"));

        try (FerryProcess ferry = FerryProcess.start(work,
                Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                "run", "--config", config.toString(), "--routes", routes.toString())) {

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(sandbox.events().size()).as(ferry.output()).isEqualTo(5));
            for (int i = 1; i <= 5; i++) {
                assertThat(sandbox.events().countById("run-it-" + i)).isEqualTo(1);
            }

            HttpResponse<String> health = get("http://127.0.0.1:" + managementPort + "/observe/health?data=true");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP").contains("\"outbox\"").contains("outbox.events");
            assertThat(health.body()).as("a node alone leads its cluster")
                    .containsPattern("\"cluster.leads\"\\s*:\\s*true").contains("\"cluster.leader\"");
            assertThat(get("http://127.0.0.1:" + managementPort + "/observe/metrics").body()).contains("camel")
                    .as("the JVM's own meters").contains("jvm_memory_used_bytes").contains("jvm_gc_pause_seconds");
            assertThat(get("http://127.0.0.1:" + httpPort + "/v1/audiences/membership").statusCode())
                    .as("audience endpoints off by default").isEqualTo(404);

            int exit = ferry.terminate(Duration.ofSeconds(40));
            assertThat(exit).as("SIGTERM exit").isIn(0, 143);
            assertThat(ferry.output()).doesNotContain(sandbox.settings().clientSecret());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

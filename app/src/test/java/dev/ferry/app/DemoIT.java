package dev.ferry.app;

import dev.ferry.app.process.FerryProcess;
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

/** `ferry demo` with no set-up at all: embedded MariaDB, the sandbox and the default routes, in a bare directory. */
class DemoIT {

    @TempDir
    Path work;

    @Test
    void demoStartsEverythingOnEmbeddedDefaultsSaysWhereToLookAndStopsOnSigterm() throws Exception {
        int sandboxPort = RunIT.freePort();
        int managementPort = RunIT.freePort();
        Map<String, String> ports = Map.of("FERRY_HTTP_PORT", Integer.toString(RunIT.freePort()),
                "FERRY_MANAGEMENT_PORT", Integer.toString(managementPort));

        try (FerryProcess demo = FerryProcess.start(work, ports, "demo", "--sandbox-port", Integer.toString(sandboxPort))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("to see every event AEP would have received") || !demo.isAlive());
            String output = demo.output();
            assertThat(output).contains("Ferry demo is running")
                    .containsPattern("Commerce database: +jdbc:mariadb://127\\.0\\.0\\.1:\\d+/magento.*\\(50 customers, 200 orders\\)")
                    .contains("http://127.0.0.1:" + sandboxPort + "/sandbox");
            assertThat(Files.isDirectory(work.resolve("data/demo/mariadb"))).isTrue();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sandboxPort + "/sandbox")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("UP");

            assertThat(demo.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }
}

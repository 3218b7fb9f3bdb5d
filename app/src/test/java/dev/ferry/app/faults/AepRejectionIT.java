package dev.ferry.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: AEP refuses some events as invalid (a field the closed schema does not allow). Those become dead
 * letters carrying AEP's reason, listed by the admin API; every other event arrives once, none held back behind the
 * refused ones.
 */
class AepRejectionIT {

    private static final String ADMIN_TOKEN = "admin-token-of-the-rejection-test";

    @TempDir
    Path work;

    @Test
    void eventsAepRefusesAsInvalidBecomeDeadLettersWithAepsReasonAndAllOthersArrive() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int managementPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, SandboxConfigFile.freePort(), managementPort);
            Files.writeString(config, "ferry.admin.token=" + ADMIN_TOKEN + "\n", StandardOpenOption.APPEND);
            Path routes = Files.createDirectories(work.resolve("routes"));
            Files.copy(Path.of("..", "routes", "aep-delivery.yaml"), routes.resolve("aep-delivery.yaml"));
            Files.copy(Path.of("src", "test", "resources", "it-routes", "mixed-validity.yaml"),
                    routes.resolve("mixed-validity.yaml"));
            List<String> invalid = IntStream.rangeClosed(1, 20).filter(n -> n % 5 == 0).mapToObj(n -> "mixed-" + n).toList();
            List<String> valid = IntStream.rangeClosed(1, 20).filter(n -> n % 5 != 0).mapToObj(n -> "mixed-" + n).toList();

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()),
                    "run", "--config", config.toString(), "--routes", routes.toString())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(valid)
                        .as(ferry.output()).allMatch(id -> sandbox.events().countById(id) == 1));
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                        assertThat(deadLetters(managementPort)).extracting(letter -> letter.get("eventId").asText())
                                .containsExactlyInAnyOrderElementsOf(invalid));

                assertThat(deadLetters(managementPort)).allSatisfy(letter ->
                        assertThat(letter.get("reason").asText()).contains("notInTheSchema"));
                assertThat(invalid).allMatch(id -> sandbox.events().countById(id) == 0);
                List<String> all = new ArrayList<>(valid);
                all.addAll(invalid);
                FaultTally tally = FaultTally.count("aep-rejects-invalid", all.size(), all, sandbox.events(),
                        invalid.size());
                assertThat(tally.lost()).isZero();
                assertThat(tally.duplicated()).isZero();
                ferry.terminate(Duration.ofSeconds(40));
            }
        }
    }

    private static List<JsonNode> deadLetters(int managementPort) throws Exception {
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/admin/dlq"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> letters = new ArrayList<>();
        new ObjectMapper().readTree(listed.body()).get("deadLetters").forEach(letters::add);
        return letters;
    }
}

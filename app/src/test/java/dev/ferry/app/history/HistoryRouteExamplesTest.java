package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.testing.ProjectDocs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routes docs/connectors/commerce-history.md shows are the ones HistoryRoutesIT runs, word for word. */
class HistoryRouteExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"history-nightly.yaml", "history-on-request.yaml"})
    void theDocumentShowsTheTestedRoute(String route) throws IOException {
        String doc = Files.readString(ProjectDocs.file("docs/connectors/commerce-history.md"));
        try (InputStream tested = getClass().getResourceAsStream("/history-routes/" + route)) {
            assertThat(doc).contains("```yaml\n" + new String(tested.readAllBytes(), StandardCharsets.UTF_8) + "```");
        }
    }
}

package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.app.runtime.FerryRuntime;
import dev.ferry.app.runtime.RouteLocation;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented history routes (docs/connectors/commerce-history.md), loaded from YAML by Ferry's runtime: a
 * quartz trigger and a REST call each run an export from a real MariaDB into the AEP sandbox.
 */
class HistoryRoutesIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_routes_it_" + ProcessHandle.current().pid();
    private static final int ORDERS = 40;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    private static MariaDbServer server;

    @TempDir
    Path work;
    private AepSandbox sandbox;
    private FerryRuntime ferry;

    @BeforeAll
    static void seed() {
        server = MariaDbServer.machineOrEmbedded();
        Instant yesterday = YESTERDAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        new CommerceSampleData(77).seedNewDatabase(server, DATABASE, SampleSize.defaults().withCustomers(8)
                .withOrders(ORDERS)
                .withCreatedBetween(yesterday.plus(Duration.ofHours(1)), yesterday.plus(Duration.ofHours(22))));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @BeforeEach
    void startSandbox() {
        sandbox = AepSandbox.start(SandboxSettings.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        if (ferry != null) {
            ferry.close();
        }
        sandbox.close();
    }

    /** Starts Ferry with only the given example route and the history settings of a small test. */
    private int startFerry(String route, String... extra) throws Exception {
        int httpPort = SandboxConfigFile.freePort();
        Path config = SandboxConfigFile.write(work, sandbox, httpPort, SandboxConfigFile.freePort());
        Files.writeString(config, String.join("\n", "ferry.commerce.db.url=" + server.jdbcUrl(DATABASE),
                "ferry.commerce.db.user=" + server.user(), "ferry.commerce.db.password=" + server.password(),
                "ferry.history.work-dir=" + work.resolve("history"), "ferry.history.file-size=20000",
                "ferry.history.files-per-batch=3", String.join("\n", extra), ""), StandardOpenOption.APPEND);
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.copy(Path.of("src", "test", "resources", "history-routes", route), routes.resolve(route));
        ferry = FerryRuntime.create(FerryConfig.load(config, Map.of("FERRY_AEP_CLIENT_SECRET",
                sandbox.settings().clientSecret())), new RouteLocation(routes));
        ferry.start();
        return httpPort;
    }

    @Test
    void aQuartzTriggerExportsThePreviousDaysOrdersIntoAep() throws Exception {
        // once, soon after Ferry started: a cron firing every few seconds would export the same day again
        ZonedDateTime soon = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20);
        startFerry("history-nightly.yaml", "history.nightly.cron=" + soon.getSecond() + " " + soon.getMinute() + " "
                + soon.getHour() + " * * ?");
        assertThat(Instant.now()).as("Ferry started before the firing time").isBefore(soon.toInstant());

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(placed()).hasSize(ORDERS));

        List<ReceivedEvent> received = sandbox.events().list();
        assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
        assertThat(received).allMatch(ReceivedEvent::valid);
    }

    @Test
    void aRestCallRunsAnExportAndAnswersItsSummaryWithoutEchoingHeadersAndABadRangeIsA400() throws Exception {
        int port = startFerry("history-on-request.yaml");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/admin/history?from=" + YESTERDAY + "&to=" + TODAY)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer s3cret").header("X-Trace", "abc")
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reversed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/admin/history?from=" + TODAY + "&to=" + YESTERDAY)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<ReceivedEvent> received = sandbox.events().list();
        assertThat(answer.body()).startsWith(ORDERS + " orders, " + String.format(Locale.ROOT, "%,d", received.size()) + " events, ")
                .contains("(0 failed)");
        assertThat(placed()).hasSize(ORDERS);
        assertThat(received.stream().map(ReceivedEvent::id).distinct().count()).isEqualTo(received.size());
        assertThat(answer.headers().map().keySet()).as("no request or route header is echoed")
                .noneMatch(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Trace")
                        || name.regionMatches(true, 0, "Ferry", 0, 5) || name.equalsIgnoreCase("from"));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body().strip()).isEqualTo("--from " + TODAY + " must be before --to " + YESTERDAY);
    }

    private List<ReceivedEvent> placed() {
        return sandbox.events().list().stream()
                .filter(event -> event.eventType().equals("commerce.backofficeOrderPlaced")).toList();
    }
}

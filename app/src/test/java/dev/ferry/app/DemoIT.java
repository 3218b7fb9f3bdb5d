package dev.ferry.app;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.NewOrder;
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
 * `ferry demo` with no set-up at all: embedded MariaDB, the sandbox and the default routes, in a bare directory;
 * a storefront event posted to it, and an order placed in its Commerce database, reach the sandbox, and a purchase
 * of 100 or more comes back as an audience on the shopper's next GraphQL call through Ferry.
 */
class DemoIT {

    @TempDir
    Path work;

    @Test
    void demoStartsEverythingOnEmbeddedDefaultsClosesTheAudienceLoopSaysWhereToLookAndStopsOnSigterm() throws Exception {
        int sandboxPort = SandboxConfigFile.freePort();
        int managementPort = SandboxConfigFile.freePort();
        int httpPort = SandboxConfigFile.freePort();
        Map<String, String> ports = Map.of("FERRY_HTTP_PORT", Integer.toString(httpPort),
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

            HttpResponse<String> collected = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/v1/storefront/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"event\":\"page-view\",\"eventInfo\":"
                            + "{\"pageContext\":{\"pageType\":\"CMS\",\"pageName\":\"Home\"},"
                            + "\"debugContext\":{\"eventId\":\"demo-it-page-view\"}}}]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(collected.statusCode()).as(collected.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sandboxPort + "/sandbox/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("demo-it-page-view"));

            java.util.regex.Matcher shopper = java.util.regex.Pattern.compile("as shopper ([0-9a-f-]{36}):").matcher(output);
            assertThat(shopper.find()).as(output).isTrue();
            String cookie = "ferry_fpid=" + shopper.group(1);
            assertThat(output).contains("curl -b " + cookie).contains("http://127.0.0.1:" + httpPort + "/graphql");
            HttpResponse<String> purchase = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/v1/storefront/events"))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"event\":\"place-order\",\"eventInfo\":"
                            + "{\"storefrontInstanceContext\":{\"storeViewCurrencyCode\":\"USD\"},"
                            + "\"orderContext\":{\"orderId\":\"demo-it-vip\",\"grandTotal\":120}}}]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(purchase.statusCode()).as(purchase.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ customerCart { id } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body())
                    .as(demo.output()).containsPattern("\"aepSegmentsMembership\":\"[0-9a-f-]{36}\""));

            java.util.regex.Matcher jdbc = java.util.regex.Pattern.compile("Commerce database: +(jdbc:mariadb://\\S+)")
                    .matcher(output);
            assertThat(jdbc.find()).isTrue();
            try (java.sql.Connection commerce = java.sql.DriverManager.getConnection(jdbc.group(1), "root", "")) {
                CommerceSampleData.placeOrder(commerce, NewOrder.byGuest("demo-it@example.com").withItem("FY-BTL-01", 2));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sandboxPort + "/sandbox/events?eventType=commerce.backofficeOrderPlaced"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body())
                    .as(demo.output()).contains("commerce.backofficeOrderPlaced").contains("FY-BTL-01"));

            assertThat(demo.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }
}

package dev.ferry.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.FullFerry;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.NewOrder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets and personal data stay out of what operators see. One full scenario runs through the real jar with
 * {@code --verbose} (Ferry's DEBUG lines on): a shopper signs in with their email (the sandbox refuses account events,
 * so it becomes a dead letter) and sends an order with the email where its currency belongs (rejected alone), a customer's order is
 * polled from MariaDB, the sandbox pushes the customer's audience, Commerce-side code looks the customer up by email,
 * AEP pushes a profile with a raw email, the customer's GraphQL call goes through the proxy with their token, and the
 * dead letters are listed and shown through the admin API and the CLI without {@code showPii}. Then every line of
 * Ferry's output, the metrics, the health details and those listings are scanned for the AEP client secret, the IMS
 * access tokens the sandbox issued, the destination, lookup and admin tokens, the customer's token and each email
 * address (in any letter case, raw or URL-encoded).
 */
class SecretsStayOutOfLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String shopperEmail = "Signed.In." + tag + "@Shop-Example.ORG";
    private final String customerEmail = "Order.Customer." + tag + "@Example.COM";
    private final String pushedEmail = "Pushed.Raw." + tag + "@example.net";
    private FullFerry ferry;

    @Test
    void aFullScenarioLeavesNoSecretAndNoRawEmailInLogsMetricsOrDeadLetterListings() throws Exception {
        try (FullFerry started = FullFerry.start(work, FullFerry.refusingAccountEvents(work), "--verbose")) {
            ferry = started;
            Map<String, String> seen = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                    assertThat(get(ferry.business() + "/v1/audiences", ferry.lookupToken()).body())
                            .as(ferry.process().output()).contains("VIP shoppers"));
            long customer = customerWithEmail(customerEmail);

            HttpResponse<String> collected = post(ferry.business() + "/v1/storefront/events", null, storefrontEvents());
            assertThat(collected.statusCode()).as(collected.body()).isEqualTo(202);
            assertThat(JSON.readTree(collected.body()).path("accepted").asInt()).isEqualTo(2);
            String fpidCookie = collected.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    JSON.readTree(admin("/admin/dlq")).path("count").asInt()).as(ferry.process().output()).isPositive());

            try (Connection commerce = ferry.commerce().getConnection()) {
                CommerceSampleData.placeOrder(commerce, NewOrder.byCustomer(customer).withItem("FY-BTL-01", 5));
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(get(ferry.business()
                    + "/v1/audiences/membership?customerId=" + customer, ferry.lookupToken()).body())
                    .as(ferry.process().output()).contains("VIP shoppers"));
            assertThat(get(ferry.business() + "/v1/audiences/membership?email="
                    + URLEncoder.encode(customerEmail, StandardCharsets.UTF_8), ferry.lookupToken()).body())
                    .contains("VIP shoppers");
            HttpResponse<String> pushed = post(ferry.business() + "/v1/audiences/aep-destination",
                    ferry.destinationToken(), "{\"identityMap\": {\"email\": [{\"id\": \"" + pushedEmail + "\"}]},"
                            + " \"segmentMembership\": {\"ups\": {\"pii-scan\": {\"status\": \"realized\","
                            + " \"lastQualificationTime\": \"2026-11-01T12:00:00Z\"}}}}");
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            String customerToken = customerToken(customer);
            HttpResponse<String> graphql = post(ferry.business() + "/graphql", customerToken,
                    "{\"query\": \"{ customerCart { id } }\"}");
            assertThat(graphql.body()).isEqualTo(FullFerry.GRAPHQL_ANSWER);
            assertThat(ferry.graphqlMembershipHeaders()).anyMatch(header -> !header.equals("null"));
            assertThat(http.send(HttpRequest.newBuilder(URI.create(ferry.business() + "/v1/audiences/mine"))
                    .header("Cookie", fpidCookie).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);

            String listed = admin("/admin/dlq");
            seen.put("GET /admin/dlq", listed);
            for (JsonNode letter : JSON.readTree(listed).path("deadLetters")) {
                seen.put("GET /admin/dlq/" + letter.path("id").asLong(), admin("/admin/dlq/" + letter.path("id").asLong()));
            }
            seen.put("GET /observe/metrics", admin("/observe/metrics"));
            seen.put("GET /observe/health?data=true", admin("/observe/health?data=true"));
            Set<String> imsTokens = ferry.sandbox().issuedTokens();
            assertThat(imsTokens).as("the sandbox issued Ferry an IMS token").isNotEmpty();

            assertThat(ferry.process().terminate(Duration.ofSeconds(40))).isIn(0, 143);
            seen.put("ferry run --verbose output", ferry.process().output());
            seen.put("ferry dlq list", cli("dlq", "list"));
            long firstLetter = JSON.readTree(listed).path("deadLetters").get(0).path("id").asLong();
            seen.put("ferry dlq show", cli("dlq", "show", Long.toString(firstLetter)));

            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("the AEP client secret", ferry.sandbox().settings().clientSecret());
            secrets.put("the client secret of the config file", "wrong-secret-overridden-by-the-environment");
            secrets.put("the destination token", ferry.destinationToken());
            secrets.put("the lookup token", ferry.lookupToken());
            secrets.put("the admin token", ferry.adminToken());
            secrets.put("the customer's token", customerToken);
            imsTokens.forEach(token -> secrets.put("an IMS access token", token));
            assertThat(leaks(seen, secrets, List.of(shopperEmail, customerEmail, pushedEmail))).isEmpty();
            assertThat(seen.get("ferry run --verbose output")).as("the scan read DEBUG lines").contains(" DEBUG ");
        }
    }

    /** Each place a secret or an email shows up, with the line it is on. */
    private static List<String> leaks(Map<String, String> seen, Map<String, String> secrets, List<String> emails) {
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, text) -> text.lines().forEach(line -> {
            secrets.forEach((what, secret) -> {
                if (line.contains(secret)) {
                    leaks.add(where + " shows " + what + ": " + line);
                }
            });
            String lower = line.toLowerCase(Locale.ROOT);
            for (String email : emails) {
                String address = email.toLowerCase(Locale.ROOT);
                if (lower.contains(address) || lower.contains(URLEncoder.encode(address, StandardCharsets.UTF_8))) {
                    leaks.add(where + " shows the email " + email + ": " + line);
                }
            }
        }));
        return leaks;
    }

    private String storefrontEvents() {
        String instance = "\"storefrontInstanceContext\": {\"storeViewCurrencyCode\": \"USD\"}";
        return "[{\"event\": \"page-view\", \"eventInfo\": {" + instance + ", \"pageContext\": {\"pageType\": \"CMS\"}}},"
                + " {\"event\": \"sign-in\", \"eventInfo\": {" + instance + ", \"accountContext\": {\"accountId\": \"7\","
                + " \"emailAddress\": \"" + shopperEmail + "\"}}},"
                + " {\"event\": \"place-order\", \"eventInfo\": {\"storefrontInstanceContext\": {\"storeViewCurrencyCode\": \""
                + shopperEmail + "\"}, \"orderContext\": {\"orderId\": \"o-1\", \"grandTotal\": 10}}}]";
    }

    private long customerWithEmail(String email) throws Exception {
        try (Connection commerce = ferry.commerce().getConnection();
             Statement select = commerce.createStatement();
             ResultSet first = select.executeQuery("SELECT MIN(entity_id) FROM customer_entity")) {
            assertThat(first.next()).isTrue();
            long id = first.getLong(1);
            try (PreparedStatement update = commerce.prepareStatement(
                    "UPDATE customer_entity SET email = ?, updated_at = NOW() WHERE entity_id = ?")) {
                update.setString(1, email);
                update.setLong(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return id;
        }
    }

    /** A Commerce customer token's shape (JWT, claims uid and utypid 3); Ferry reads it, Commerce would verify it. */
    private static String customerToken(long customerId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"uid\":" + customerId + ",\"utypid\":3,\"tag\":\"" + UUID.randomUUID()
                + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + UUID.randomUUID();
    }

    private String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--config", ferry.config().toString()));
        FerryProcess.Result result = FerryProcess.run(work, ferry.environment(), command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private String admin(String path) throws Exception {
        HttpResponse<String> answer = get(ferry.management() + path, ferry.adminToken());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.ferry.sandbox;

import static dev.ferry.sandbox.AepClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sandbox over real HTTP on the loopback interface, as Ferry's connectors and users' code meet it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AepSandboxIT {

    private static final String COLLECT = "/ee/v2/collect?datastreamId=ferry-demo-datastream";
    private static final String INTERACT = "/ee/v2/interact?datastreamId=ferry-demo-datastream";
    private static final String DCS_BATCH = "/collection/batch/ferry-demo-connection";
    private static final String DCS_SINGLE = "/collection/ferry-demo-connection";
    private static final String BATCHES = "/data/foundation/import/batches";
    private static final String CATALOG = "/data/foundation/catalog/batches/";
    private static final SandboxSettings SETTINGS = SandboxSettings.defaults();

    private AepSandbox sandbox;
    private AepClient client;

    @BeforeAll
    void start() {
        sandbox = AepSandbox.start(SETTINGS);
        client = new AepClient(sandbox.baseUrl(), SETTINGS);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.faults().clear();
        sandbox.events().clear();
        client.login();
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() {
        assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
        assertThat(sandbox.port()).isPositive();
    }

    @Nested
    class Ims {

        @Test
        void issuesABearerTokenValidFor24HoursToTheDemoClient() {
            HttpResponse<String> response = client.fetchToken("ferry-demo-client", "ferry-demo-secret", "client_credentials");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode token = json(response);
            assertThat(token.get("access_token").asText()).isNotBlank();
            assertThat(token.get("token_type").asText()).isEqualTo("bearer");
            assertThat(token.get("expires_in").asLong()).isEqualTo(86_400);
        }

        @Test
        void refusesAWrongClientSecretWithInvalidClient() {
            HttpResponse<String> response = client.fetchToken("ferry-demo-client", "guess", "client_credentials");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
            assertThat(json(response).get("error_description").asText()).isEqualTo("invalid client_secret parameter");
        }

        @Test
        void refusesAnUnknownClientIdWithInvalidClient() {
            HttpResponse<String> response = client.fetchToken("someone-else", "ferry-demo-secret", "client_credentials");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error_description").asText()).isEqualTo("invalid client_id parameter");
        }

        @Test
        void refusesAGrantOtherThanClientCredentials() {
            HttpResponse<String> response = client.fetchToken("ferry-demo-client", "ferry-demo-secret", "password");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
        }
    }

    @Nested
    class Credentials {

        @Test
        void refusesAPlatformCallWithoutTokenWithTheGatewaysMissingTokenBody() {
            Map<String, String> headers = client.platformHeaders();
            headers.remove("Authorization");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 403, "403010");
        }

        @Test
        void refusesAnUnknownTokenWith401() {
            Map<String, String> headers = client.platformHeaders();
            headers.put("Authorization", "Bearer not-a-token");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 401, "401013");
        }

        @Test
        void refusesAWrongApiKeyWith403() {
            Map<String, String> headers = client.platformHeaders();
            headers.put("x-api-key", "another-integration");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 403, "403003");
        }

        @Test
        void refusesAMissingApiKeyWith403() {
            Map<String, String> headers = client.dataHeaders();
            headers.remove("x-api-key");

            assertGatewayError(client.post(DCS_SINGLE, message(SampleEvents.productView("k-1")), headers), 403, "403000");
        }

        @Test
        void refusesAnotherOrganizationWith403() {
            Map<String, String> headers = client.platformHeaders();
            headers.put("x-gw-ims-org-id", "OTHER@AdobeOrg");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 403, "403025");
        }

        @Test
        void refusesAMissingOrganizationHeaderWith400() {
            Map<String, String> headers = client.dataHeaders();
            headers.remove("x-gw-ims-org-id");

            assertGatewayError(client.post(COLLECT, edgeEvents(SampleEvents.productView("o-1")), headers), 400, "400003");
        }

        @Test
        void refusesAPlatformCallForAnotherSandboxWith403() {
            Map<String, String> headers = client.platformHeaders();
            headers.put("x-sandbox-name", "dev");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 403, "403025");
        }

        @Test
        void refusesAPlatformCallWithoutSandboxHeaderWith400() {
            Map<String, String> headers = client.platformHeaders();
            headers.remove("x-sandbox-name");

            assertGatewayError(client.get("/data/core/ups/audiences", headers), 400, "400003");
        }

        @Test
        void refusesAnEdgeCallWithAnUnknownTokenWithEdgesOwnProblem() {
            Map<String, String> headers = client.dataHeaders();
            headers.put("Authorization", "Bearer not-a-token");

            HttpResponse<String> response = client.post(COLLECT, edgeEvents(SampleEvents.productView("t-1")), headers);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("type").asText()).isEqualTo("https://ns.adobe.com/aep/errors/EXEG-0500-401");
        }

        @Test
        void refusesEveryTokenAfterRevocationUntilANewOneIsIssued() {
            Map<String, String> before = client.platformHeaders();

            sandbox.revokeTokens();

            assertGatewayError(client.get("/data/core/ups/audiences", before), 401, "401013");
            client.login();
            assertThat(client.get("/data/core/ups/audiences", client.platformHeaders()).statusCode()).isEqualTo(200);
        }

        @Test
        void refusesAnExpiredTokenWithEdgesExpiredTokenProblem() {
            SandboxSettings shortLived = SETTINGS.toBuilder().tokenTtl(Duration.ofMillis(200)).eventCapacity(10).build();
            try (AepSandbox other = AepSandbox.start(shortLived)) {
                AepClient otherClient = new AepClient(other.baseUrl(), shortLived);
                otherClient.login();

                await().pollDelay(Duration.ofMillis(250)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    HttpResponse<String> response = otherClient.post(COLLECT,
                            edgeEvents(SampleEvents.productView("x-1")), otherClient.dataHeaders());
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(json(response).get("type").asText()).endsWith("EXEG-0503-401");
                });
            }
        }

        private void assertGatewayError(HttpResponse<String> response, int status, String errorCode) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(json(response).get("error_code").asText()).isEqualTo(errorCode);
            assertThat(json(response).get("message").asText()).isNotBlank();
        }
    }

    @Nested
    class Edge {

        @Test
        void storesEveryEventOfAValidCollectRequestAndAnswers204() {
            HttpResponse<String> response = client.post(COLLECT,
                    edgeEvents(SampleEvents.productView("edge-1"), SampleEvents.orderPlaced("edge-2")), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(sandbox.events().list(10, Channel.EDGE, null))
                    .extracting(ReceivedEvent::id).containsExactly("edge-2", "edge-1");
        }

        @Test
        void refusesAnUnknownDatastreamWithExeg0003() {
            HttpResponse<String> response = client.post("/ee/v2/collect?datastreamId=nope",
                    edgeEvents(SampleEvents.productView("edge-1")), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("type").asText()).isEqualTo("https://ns.adobe.com/aep/errors/EXEG-0003-400");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asText()).isEqualTo("Invalid datastream ID");
            assertThat(problem.get("detail").asText()).contains("nope");
        }

        @Test
        void acceptsTheDataStreamIdSpellingOfAdobesServerApiGuide() {
            HttpResponse<String> response = client.post("/ee/v2/collect?dataStreamId=ferry-demo-datastream",
                    edgeEvents(SampleEvents.productView("alias-1")), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(204);
        }

        @Test
        void refusesTheWholeRequestWhenOneEventFailsTheSchemaAndNamesTheEventAndPath() {
            HttpResponse<String> response = client.post(COLLECT,
                    edgeEvents(SampleEvents.productView("good-1"), SampleEvents.withUnknownKey("bad-1")),
                    client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("type").asText()).endsWith("EXEG-0113-400");
            assertThat(problem.get("detail").asText()).contains("event 1", "$.commerce.giftWrap");
            assertThat(sandbox.events().countById("good-1")).isZero();
            assertThat(sandbox.events().list()).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("bad-1");
                assertThat(e.valid()).isFalse();
            });
        }

        @Test
        void refusesABodyOver64KilobytesWith413() {
            ObjectNode big = SampleEvents.productView("big-1");
            big.put("producedBy", "x".repeat(70 * 1024));

            HttpResponse<String> response = client.post(COLLECT, edgeEvents(big), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).get("status").asInt()).isEqualTo(413);
            assertThat(sandbox.events().list()).isEmpty();
        }

        @Test
        void interactAnswersTheAudiencesOfTheEventsIdentityInAnActivationPullHandle() {
            HttpResponse<String> put = client.put("/sandbox/memberships/Email/shopper@example.com",
                    "[\"vip-audience\",\"cart-audience\"]".getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
            assertThat(put.statusCode()).isEqualTo(204);

            HttpResponse<String> response = client.post(INTERACT,
                    "{\"event\":{\"xdm\":" + SampleEvents.text(SampleEvents.productView("i-1")) + "}}", client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.get("requestId").asText()).isNotBlank();
            JsonNode handle = answer.get("handle").get(0);
            assertThat(handle.get("type").asText()).isEqualTo("activation:pull");
            assertThat(handle.get("eventIndex").asInt()).isZero();
            JsonNode segments = handle.get("payload").get(0).get("segments");
            assertThat(segments).extracting(s -> s.get("id").asText()).containsExactly("vip-audience", "cart-audience");
            assertThat(sandbox.events().countById("i-1")).isEqualTo(1);
        }

        @Test
        void interactAnswersAnEmptyActivationPullForAnIdentityInNoAudience() {
            ObjectNode stranger = SampleEvents.productView("i-2");
            stranger.remove("identityMap");

            JsonNode handle = json(client.post(INTERACT, "{\"event\":{\"xdm\":" + SampleEvents.text(stranger) + "}}",
                    client.dataHeaders())).get("handle").get(0);

            assertThat(handle.get("type").asText()).isEqualTo("activation:pull");
            assertThat(handle.get("payload")).isEmpty();
        }
    }

    @Nested
    class Streaming {

        @Test
        void batchAnswers207WithOneResponsePerMessageAndStoresOnlyTheGoodOnes() {
            String body = "{\"messages\":[" + message(SampleEvents.productView("s-1")) + ","
                    + message(SampleEvents.withWrongType("s-2")) + ","
                    + message(SampleEvents.orderPlaced("s-3"), "OTHER@AdobeOrg") + ","
                    + message(SampleEvents.orderPlaced("s-4")) + "]}";

            HttpResponse<String> response = client.post(DCS_BATCH, body, client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(207);
            JsonNode answer = json(response);
            assertThat(answer.get("inletId").asText()).isEqualTo("ferry-demo-connection");
            assertThat(answer.get("batchId").asText()).isNotBlank();
            assertThat(answer.get("receivedTimeMs").asLong()).isPositive();
            JsonNode responses = answer.get("responses");
            assertThat(responses).hasSize(4);
            assertThat(responses.get(0).get("xactionId").asText()).startsWith(answer.get("batchId").asText());
            assertThat(responses.get(1).get("statusCode").asInt()).isEqualTo(400);
            assertThat(responses.get(1).get("message").asText()).contains("$.productListItems[0].priceTotal");
            assertThat(responses.get(2).get("message").asText()).contains("absent or wrong ims org");
            assertThat(responses.get(3).has("xactionId")).isTrue();
            assertThat(sandbox.events().list(10, Channel.STREAMING, null).stream().filter(ReceivedEvent::valid))
                    .extracting(ReceivedEvent::id).containsExactly("s-4", "s-1");
        }

        @Test
        void singleMessageIsAcknowledgedWithItsTransactionId() {
            HttpResponse<String> response = client.post(DCS_SINGLE + "?syncValidation=true",
                    message(SampleEvents.orderPlaced("m-1")), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.get("inletId").asText()).isEqualTo("ferry-demo-connection");
            assertThat(answer.get("xactionId").asText()).isNotBlank();
            assertThat(answer.get("syncValidation").get("skipped").asBoolean()).isFalse();
            assertThat(sandbox.events().countById("m-1")).isEqualTo(1);
        }

        @Test
        void singleInvalidMessageIsRefusedWithTheStreamingValidationReport() {
            HttpResponse<String> response = client.post(DCS_SINGLE + "?syncValidation=true",
                    message(SampleEvents.withUnknownKey("m-2")), client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("title").asText()).isEqualTo("Invalid XDM Message Format");
            JsonNode cause = problem.get("report").get("cause").get("_streamingValidation").get(0);
            assertThat(cause.get("causingExceptions").get(0).get("pointerToViolation").asText())
                    .isEqualTo("#/commerce/giftWrap");
        }

        @Test
        void refusesAnUnknownConnectionWith404() {
            HttpResponse<String> response = client.post("/collection/batch/unknown-inlet",
                    "{\"messages\":[" + message(SampleEvents.productView("u-1")) + "]}", client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(404);
        }

        @Test
        void refusesARequestOver1MegabyteWith413() {
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                messages.add(message(SampleEvents.orderPlaced("big-" + i)));
            }

            HttpResponse<String> response = client.post(DCS_BATCH,
                    "{\"messages\":[" + String.join(",", messages) + "]}", client.dataHeaders());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(sandbox.events().list()).isEmpty();
        }
    }

    @Nested
    class BatchIngestion {

        @Test
        void completedBatchOfValidRecordsGoesFromLoadingToSuccessAndStoresEveryRecord() {
            String batchId = createBatch();
            String file = SampleEvents.text(SampleEvents.orderPlaced("b-1")) + "\n"
                    + SampleEvents.text(SampleEvents.orderPlaced("b-2")) + "\n";
            assertThat(upload(batchId, "orders-0.json", file).statusCode()).isEqualTo(200);
            assertThat(status(batchId)).isEqualTo("loading");

            assertThat(complete(batchId).statusCode()).isEqualTo(200);

            JsonNode batch = awaitFinalStatus(batchId);
            assertThat(batch.get("status").asText()).isEqualTo("success");
            assertThat(batch.get("metrics").get("recordsRead").asLong()).isEqualTo(2);
            assertThat(batch.get("metrics").get("recordsWritten").asLong()).isEqualTo(2);
            assertThat(batch.get("metrics").get("failedRecordCount").asLong()).isZero();
            assertThat(batch.get("relatedObjects").get(0).get("id").asText()).isEqualTo("ferry-demo-dataset");
            assertThat(batch.get("errors")).isEmpty();
            assertThat(sandbox.events().list(10, Channel.BATCH, null)).extracting(ReceivedEvent::id)
                    .containsExactly("b-2", "b-1");
        }

        @Test
        void batchWithAnInvalidRecordFailsWithAepErrorCodesAndStoresNothing() {
            String batchId = createBatch();
            upload(batchId, "orders-0.json", SampleEvents.text(SampleEvents.orderPlaced("f-1")) + "\n{broken\n");
            complete(batchId);

            JsonNode batch = awaitFinalStatus(batchId);

            assertThat(batch.get("status").asText()).isEqualTo("failed");
            assertThat(batch.get("metrics").get("failedRecordCount").asLong()).isEqualTo(1);
            JsonNode error = batch.get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("INGEST-1401-400");
            assertThat(error.get("rows").get(0).asLong()).isEqualTo(2);
            assertThat(sandbox.events().countById("f-1")).isZero();
        }

        @Test
        void refusesFilesForAnUnknownBatchWith404AndForACompletedBatchWith400() {
            assertThat(upload("01UNKNOWNBATCH00000000000", "a.json", "{}").statusCode()).isEqualTo(404);

            String batchId = createBatch();
            complete(batchId);

            assertThat(upload(batchId, "late.json", "{}").statusCode()).isEqualTo(400);
        }

        @Test
        void answersCatalogLookupsOfUnknownBatchesWith404() {
            assertThat(client.get(CATALOG + "01UNKNOWNBATCH00000000000", client.platformHeaders()).statusCode())
                    .isEqualTo(404);
        }

        private String createBatch() {
            HttpResponse<String> response = client.post(BATCHES,
                    "{\"datasetId\":\"ferry-demo-dataset\",\"inputFormat\":{\"format\":\"json\"}}", client.platformHeaders());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).get("status").asText()).isEqualTo("loading");
            return json(response).get("id").asText();
        }

        private HttpResponse<String> upload(String batchId, String fileName, String content) {
            return client.put(BATCHES + "/" + batchId + "/datasets/ferry-demo-dataset/files/" + fileName,
                    content.getBytes(StandardCharsets.UTF_8), "application/octet-stream", client.platformHeaders());
        }

        private HttpResponse<String> complete(String batchId) {
            return client.post(BATCHES + "/" + batchId + "?action=COMPLETE", "", client.platformHeaders());
        }

        private String status(String batchId) {
            return json(client.get(CATALOG + batchId, client.platformHeaders())).get(batchId).get("status").asText();
        }

        private JsonNode awaitFinalStatus(String batchId) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                    .until(() -> List.of("success", "failed").contains(status(batchId)));
            return json(client.get(CATALOG + batchId, client.platformHeaders())).get(batchId);
        }
    }

    @Nested
    class Segmentation {

        @Test
        void pagesThePublishedSampleAudiencesWithTotalCountAndNext() {
            JsonNode first = json(client.get("/data/core/ups/audiences?start=0&limit=2", client.platformHeaders()));

            assertThat(first.get("children")).hasSize(2);
            assertThat(first.get("children").get(0).get("name").asText()).isEqualTo("VIP shoppers");
            assertThat(first.get("children").get(0).get("lifecycleState").asText()).isEqualTo("published");
            assertThat(first.get("_page").get("totalCount").asInt()).isEqualTo(4);
            assertThat(first.get("_page").get("pageSize").asInt()).isEqualTo(2);
            assertThat(first.get("_page").get("next").asText()).isEqualTo("2");

            JsonNode last = json(client.get("/data/core/ups/audiences?start=2&limit=2", client.platformHeaders()));

            assertThat(last.get("children")).extracting(c -> c.get("name").asText())
                    .containsExactly("New customers", "Frequent browsers");
            assertThat(last.get("_page").has("next")).isFalse();
        }

        @Test
        void listsTheAudiencesTheAdminApiPut() {
            HttpResponse<String> put = client.put("/sandbox/audiences",
                    "[{\"id\":\"gold\",\"name\":\"Gold members\",\"description\":\"Loyalty tier gold\"}]"
                            .getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
            try {
                assertThat(put.statusCode()).isEqualTo(204);
                JsonNode page = json(client.get("/data/core/ups/audiences", client.platformHeaders()));
                assertThat(page.get("children")).singleElement().satisfies(a -> {
                    assertThat(a.get("id").asText()).isEqualTo("gold");
                    assertThat(a.get("audienceId").asText()).isEqualTo("gold");
                    assertThat(a.get("name").asText()).isEqualTo("Gold members");
                });
            } finally {
                client.put("/sandbox/audiences", ("[{\"name\":\"VIP shoppers\"},{\"name\":\"Cart abandoners\"},"
                        + "{\"name\":\"New customers\"},{\"name\":\"Frequent browsers\"}]").getBytes(StandardCharsets.UTF_8),
                        "application/json", Map.of());
            }
        }
    }

    @Nested
    class Faults {

        @Test
        void failsTheFirstNDataRequestsWith503AndRetryAfterThenServesAgain() {
            HttpResponse<String> set = client.put("/sandbox/faults",
                    "{\"failFirst\":2,\"failStatus\":503,\"retryAfterSeconds\":7}".getBytes(StandardCharsets.UTF_8),
                    "application/json", Map.of());
            assertThat(set.statusCode()).isEqualTo(200);

            for (int i = 0; i < 2; i++) {
                HttpResponse<String> failed = collect("f-" + i);
                assertThat(failed.statusCode()).isEqualTo(503);
                assertThat(failed.headers().firstValue("Retry-After")).hasValue("7");
            }
            assertThat(client.fetchToken("ferry-demo-client", "ferry-demo-secret", "client_credentials").statusCode())
                    .as("IMS is never faulted").isEqualTo(200);
            assertThat(collect("f-2").statusCode()).isEqualTo(204);
            assertThat(json(client.get("/sandbox/stats", Map.of())).get("served").get("503").asLong()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void rateLimitsEveryKthDataRequestWith429AndRetryAfter() {
            client.put("/sandbox/faults", "{\"rateLimitEvery\":2,\"retryAfterSeconds\":1}".getBytes(StandardCharsets.UTF_8),
                    "application/json", Map.of());

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = collect("r-" + i);
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                }
            }

            assertThat(statuses).containsExactly(204, 429, 204, 429);
        }

        @Test
        void deletingFaultsRestoresNormalService() {
            client.put("/sandbox/faults", "{\"down\":true}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
            assertThat(collect("d-1").statusCode()).isEqualTo(503);

            assertThat(client.delete("/sandbox/faults").statusCode()).isEqualTo(204);

            assertThat(collect("d-2").statusCode()).isEqualTo(204);
        }

        @Test
        void refusesFaultSettingsWithAnUnknownField() {
            HttpResponse<String> response = client.put("/sandbox/faults",
                    "{\"failFirts\":2}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asText()).contains("failFirts");
        }

        private HttpResponse<String> collect(String id) {
            return client.post(COLLECT, edgeEvents(SampleEvents.productView(id)), client.dataHeaders());
        }
    }

    @Nested
    class Inspection {

        @Test
        void listsReceivedEventsNewestFirstWithTheirValidationResult() {
            client.post(COLLECT, edgeEvents(SampleEvents.productView("n-1")), client.dataHeaders());
            client.post(COLLECT, edgeEvents(SampleEvents.withUnknownKey("n-2")), client.dataHeaders());

            JsonNode list = json(client.get("/sandbox/events?limit=10&channel=edge", Map.of()));

            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("id").asText()).isEqualTo("n-2");
            assertThat(list.get(0).get("valid").asBoolean()).isFalse();
            assertThat(list.get(0).get("validationErrors").get(0).asText()).contains("$.commerce.giftWrap");
            assertThat(list.get(1).get("valid").asBoolean()).isTrue();
            assertThat(list.get(1).get("xdm").get("eventType").asText()).isEqualTo("commerce.productViews");
            assertThat(list.get(1).get("channel").asText()).isEqualTo("edge");
        }

        @Test
        void filtersByEventTypeAndForgetsEverythingOnDelete() {
            client.post(COLLECT, edgeEvents(SampleEvents.productView("p-1"), SampleEvents.orderPlaced("p-2")),
                    client.dataHeaders());

            JsonNode orders = json(client.get("/sandbox/events?eventType=commerce.backofficeOrderPlaced", Map.of()));
            assertThat(orders).extracting(e -> e.get("id").asText()).containsExactly("p-2");

            assertThat(client.delete("/sandbox/events").statusCode()).isEqualTo(204);
            assertThat(json(client.get("/sandbox/events", Map.of()))).isEmpty();
        }

        @Test
        void statsCountRequestsAcceptedRejectedAndDuplicateIds() {
            JsonNode before = json(client.get("/sandbox/stats", Map.of()));
            client.post(COLLECT, edgeEvents(SampleEvents.productView("dup-1")), client.dataHeaders());
            client.post(COLLECT, edgeEvents(SampleEvents.productView("dup-1")), client.dataHeaders());
            client.post(COLLECT, edgeEvents(SampleEvents.withWrongType("bad-9")), client.dataHeaders());

            JsonNode after = json(client.get("/sandbox/stats", Map.of()));

            assertThat(delta(before, after, "requests", "edge.collect")).isEqualTo(3);
            assertThat(delta(before, after, "events", "accepted")).isEqualTo(2);
            assertThat(delta(before, after, "events", "rejected")).isEqualTo(1);
            assertThat(delta(before, after, "events", "duplicateIds")).isEqualTo(1);
            assertThat(sandbox.events().countById("dup-1")).isEqualTo(2);
        }

        @Test
        void htmlPageShowsRecentEventsWithTheirValidationResultWithoutExternalAssets() {
            client.post(COLLECT, edgeEvents(SampleEvents.productView("page-ok")), client.dataHeaders());
            client.post(COLLECT, edgeEvents(SampleEvents.withUnknownKey("page-bad")), client.dataHeaders());

            HttpResponse<String> page = client.get("/sandbox", Map.of());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body())
                    .contains("page-ok", "page-bad", "commerce.productViews", "edge", "valid", "rejected",
                            "$.commerce.giftWrap", "http-equiv=\"refresh\"")
                    .doesNotContain("<script", "src=", "href=");
        }

        private long delta(JsonNode before, JsonNode after, String group, String counter) {
            return after.get(group).get(counter).asLong() - before.get(group).get(counter).asLong();
        }
    }

    private static String edgeEvents(ObjectNode... xdms) {
        List<String> events = new ArrayList<>();
        for (ObjectNode xdm : xdms) {
            events.add("{\"xdm\":" + SampleEvents.text(xdm) + ",\"data\":{\"source\":\"ferry\"}}");
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String message(ObjectNode xdm) {
        return message(xdm, SETTINGS.imsOrgId());
    }

    private static String message(ObjectNode xdm, String imsOrgId) {
        String schemaRef = "{\"id\":\"" + SETTINGS.schemaId()
                + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}";
        return "{\"header\":{\"schemaRef\":" + schemaRef + ",\"imsOrgId\":\"" + imsOrgId + "\",\"datasetId\":\""
                + SETTINGS.datasetId() + "\",\"source\":{\"name\":\"ferry\"}},"
                + "\"body\":{\"xdmMeta\":{\"schemaRef\":" + schemaRef + "},\"xdmEntity\":" + SampleEvents.text(xdm) + "}}";
    }
}

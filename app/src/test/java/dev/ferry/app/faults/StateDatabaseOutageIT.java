package dev.ferry.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TcpProxy;
import dev.ferry.core.testing.TestDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: Ferry's state database (PostgreSQL, reached through a proxy the test cuts) goes away under the
 * running jar while the storefront posts events, then comes back. While it is away the collector answers 503 with
 * Retry-After within a few seconds, never a 202 it could not keep, and health shows the outbox DOWN; once it is back
 * the collector acknowledges again and every event it acknowledged, before and after, reaches AEP.
 */
class StateDatabaseOutageIT {

    /** How long the collector may take to refuse while the state database is away: Hikari's wait, and some slack. */
    private static final Duration REFUSAL_WITHIN = Duration.ofSeconds(4);
    private static final Duration CUT_FOR = Duration.ofSeconds(8);
    private static final int BATCH = 3;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void whileTheStateDatabaseIsAwayTheCollectorAnswers503AndNothingItAcknowledgedIsLost() throws Exception {
        try (ScratchDatabase database = TestDatabase.POSTGRESQL.create();
             TcpProxy proxy = TcpProxy.to(database.port());
             AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int httpPort = SandboxConfigFile.freePort();
            int managementPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, managementPort);
            Files.writeString(config, Files.readString(config).replaceAll("ferry\\.state\\.db\\.url=.*",
                    "ferry.state.db.url=" + database.urlThroughPort(proxy.port()) + "\nferry.state.db.user="
                            + database.user()));
            Collector collector = new Collector(httpPort);
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            int sent = 0;

            try (FerryProcess ferry = FerryProcess.start(work,
                    Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret()), "run", "--config",
                    config.toString())) {
                collector.awaitReady(ferry);
                for (int batch = 0; batch < 10; batch++) {
                    List<String> ids = ids("before-" + batch);
                    sent += ids.size();
                    assertThat(collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                    acknowledged.addAll(ids);
                }

                proxy.cut();
                long cutUntil = System.nanoTime() + CUT_FOR.toNanos();
                int refused = 0;
                for (int batch = 0; System.nanoTime() < cutUntil; batch++) {
                    List<String> ids = ids("during-" + batch);
                    sent += ids.size();
                    HttpResponse<String> answer = postTimed(collector, ids, ferry);
                    assertThat(answer.statusCode()).as("answer while the state database is away: %s", answer.body())
                            .isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                    refused++;
                }
                assertThat(refused).isGreaterThanOrEqualTo(2);
                JsonNode outbox = outboxHealth(managementPort);
                assertThat(outbox.path("status").asText()).as(outbox.toString()).isEqualTo("DOWN");

                proxy.restore();
                // The pool reconnects within a few seconds; a batch answered 503 meanwhile is not owed.
                AtomicInteger retries = new AtomicInteger();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    List<String> ids = ids("reconnecting-" + retries.incrementAndGet());
                    if (collector.post(Collector.pageViews(ids)).statusCode() != 202) {
                        return false;
                    }
                    acknowledged.addAll(ids);
                    return true;
                });
                sent += BATCH * retries.get();
                for (int batch = 0; batch < 10; batch++) {
                    List<String> ids = ids("after-" + batch);
                    sent += ids.size();
                    assertThat(collector.post(Collector.pageViews(ids)).statusCode()).isEqualTo(202);
                    acknowledged.addAll(ids);
                }
                assertThat(outboxHealth(managementPort).path("status").asText()).isEqualTo("UP");

                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(acknowledged)
                        .as(ferry.output()).allMatch(id -> sandbox.events().countById(id) >= 1));
                ferry.terminate(Duration.ofSeconds(40));
            }

            FaultTally tally = FaultTally.count("state-db-outage", sent, acknowledged, sandbox.events(), 0);
            assertThat(tally.lost()).isZero();
        }
    }

    private static List<String> ids(String prefix) {
        return IntStream.range(0, BATCH).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** Posts and fails the test when the collector takes longer than {@link #REFUSAL_WITHIN} to answer. */
    private static HttpResponse<String> postTimed(Collector collector, List<String> ids, FerryProcess ferry)
            throws InterruptedException {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = collector.post(Collector.pageViews(ids));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("the collector's answer time while the state database is away")
                    .isLessThanOrEqualTo(REFUSAL_WITHIN);
            return answer;
        } catch (IOException noAnswer) {
            return fail("the collector did not answer within "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + noAnswer + "\n"
                    + ferry.output());
        }
    }

    /** The outbox check from the management port's health, with its details. */
    private JsonNode outboxHealth(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/observe/health?data=true"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(health.body()).path("checks")) {
            if ("outbox".equals(check.path("name").asText())) {
                return check;
            }
        }
        return fail("no outbox check in " + health.body());
    }
}

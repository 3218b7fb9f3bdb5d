package dev.ferry.app.security;

import dev.ferry.app.process.FullFerry;
import dev.ferry.app.process.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Throws hostile requests at every public endpoint of the real jar, business and management port alike: mutations
 * of valid bodies, random bytes, odd query strings, cookies and bearer tokens, wrong content types, Content-Encoding
 * and Content-Length that lie. Every request must be answered, within {@link #ANSWER_WITHIN}, with a 2xx or a 4xx;
 * afterwards Ferry must be healthy and still accept a valid event. The seed is printed and named in every failure:
 * {@code -Dferry.fuzz.seed=N} replays a run, {@code -Dferry.fuzz.requests=N} changes the random requests per endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointFuzzIT {

    private static final long SEED = Long.getLong("ferry.fuzz.seed", new SecureRandom().nextLong());
    private static final int REQUESTS = Integer.getInteger("ferry.fuzz.requests", 200);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final String JSON = "Content-Type: application/json";

    @TempDir
    static Path work;

    private FullFerry ferry;

    /** One request: what it is, as bytes on the wire. */
    private record Request(String what, byte[] bytes) {
    }

    /** An endpoint, its port and how to make its i-th request; the first {@code sweep} requests are systematic. */
    private record Target(String name, int port, int sweep, RequestMaker maker) {
    }

    @FunctionalInterface
    private interface RequestMaker {
        Request make(Malformed malformed, SplittableRandom random, int index);
    }

    @BeforeAll
    void startFerry() throws Exception {
        System.out.println("EndpointFuzzIT seed " + SEED + " (replay with -Dferry.fuzz.seed=" + SEED + ")");
        ferry = FullFerry.start(work, FullFerry.refusingAccountEvents(work));
    }

    @AfterAll
    void stopFerry() {
        if (ferry != null) {
            ferry.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPublicEndpointAnswersHostileRequestsWithA2xxOr4xxPromptlyAndFerryStaysHealthy() {
        return Stream.concat(targets().stream().map(target -> dynamicTest(target.name(), () -> fuzz(target))),
                Stream.of(dynamicTest("afterwards: health UP and a valid event accepted", this::stillServing)));
    }

    /** The requests earlier runs of this test found answered with a 5xx or not at all, sent every run. */
    @Test
    void theInputsEarlierRunsFoundAreAnsweredWithA4xxPromptly() throws Exception {
        String admin = "Authorization: Bearer " + ferry.adminToken();
        byte[] shortBody = Malformed.bytes("[{\"event\":\"page-view\"}]");
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        answers.put("a storefront post declaring 1 TB", RawHttp.send(ferry.httpPort(), RawHttp.request("POST",
                Malformed.bytes("/v1/storefront/events"), headers(List.of(JSON, "Content-Length: 1000000000000")),
                shortBody), ANSWER_WITHIN));
        answers.put("a replay declaring 2 GB", RawHttp.send(ferry.managementPort(), RawHttp.request("POST",
                Malformed.bytes("/admin/dlq/replay"), headers(List.of(admin, JSON, "Content-Length: 2147483648")),
                shortBody), ANSWER_WITHIN));
        answers.put("health with %zz", RawHttp.send(ferry.managementPort(), get("/observe/health?%zz=", List.of()),
                ANSWER_WITHIN));
        answers.put("the dead letters with limit=%", RawHttp.send(ferry.managementPort(),
                get("/admin/dlq?limit=%&reason=x", List.of(admin)), ANSWER_WITHIN));
        answers.put("a GraphQL GET with ^ in its query", RawHttp.send(ferry.httpPort(),
                get("/graphql?query=^&operationName=`", List.of()), ANSWER_WITHIN));
        answers.put("a membership lookup with a bad escape after a #", RawHttp.send(ferry.httpPort(),
                get("/v1/audiences/membership?customerId=#frag&fpid=%zz",
                        List.of("Authorization: Bearer " + ferry.lookupToken())), ANSWER_WITHIN));

        assertThat(answers).allSatisfy((what, answer) -> assertThat(answer.status()).as(what + ": " + answer.head())
                .isBetween(400, 499));
        assertThat(answers).allSatisfy((what, answer) -> assertThat(answer.took()).as(what)
                .isLessThan(Duration.ofSeconds(5)));
        assertThat(answers.get("a storefront post declaring 1 TB").status()).isEqualTo(413);
        assertThat(answers.get("a replay declaring 2 GB").status()).isEqualTo(413);
    }

    /** Anyone can send these: each may cost at most a line of Ferry's log, never an ERROR with a stack trace. */
    @Test
    void queryStringsThatAreNotPercentEncodingAreAnswered400WithoutAnErrorOrAStackTraceInTheLog() throws Exception {
        List<String> targets = List.of("/v1/storefront/ferry.js?a=%zz", "/v1/storefront/ferry.js?%",
                "/v1/audiences?limit=%%41", "/v1/audiences/mine?fpid=%G0", "/graphql?query=%7");
        int before = ferry.process().output().length();

        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        for (String target : targets) {
            answers.put(target, RawHttp.send(ferry.httpPort(), get(target, List.of()), ANSWER_WITHIN));
        }

        assertThat(answers).allSatisfy((target, answer) -> assertThat(answer.status()).as(target + ": " + answer.head())
                .isEqualTo(400));
        String logged = ferry.process().output().substring(before);
        assertThat(logged).as("Ferry's log while answering them").doesNotContain("ERROR").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /** Vert.x refuses these before any of Ferry's handlers run; each may cost a DEBUG line, never an ERROR. */
    @Test
    void pathsThatAreNotPercentEncodingAndBodiesOverTheLimitAreAnswered4xxWithoutAnErrorOrAStackTraceInTheLog()
            throws Exception {
        String admin = "Authorization: Bearer " + ferry.adminToken();
        byte[] shortBody = Malformed.bytes("[{\"event\":\"page-view\"}]");
        int before = ferry.process().output().length();

        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        answers.put("GET /v1/storefront/%zz", RawHttp.send(ferry.httpPort(), get("/v1/storefront/%zz", List.of()),
                ANSWER_WITHIN));
        answers.put("GET /v1/audiences/%G0?limit=1", RawHttp.send(ferry.httpPort(),
                get("/v1/audiences/%G0?limit=1", List.of()), ANSWER_WITHIN));
        answers.put("GET /observe/%zz", RawHttp.send(ferry.managementPort(), get("/observe/%zz", List.of()),
                ANSWER_WITHIN));
        answers.put("GET /admin/dlq/%7", RawHttp.send(ferry.managementPort(), get("/admin/dlq/%7", List.of(admin)),
                ANSWER_WITHIN));

        assertThat(answers).allSatisfy((what, answer) -> assertThat(answer.status()).as(what + ": " + answer.head())
                .isBetween(400, 499));
        String logged = ferry.process().output().substring(before);
        assertThat(logged).as("Ferry's log while answering them").doesNotContain("ERROR").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private void fuzz(Target target) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED ^ target.name().hashCode());
        Malformed malformed = new Malformed(random);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        long started = System.nanoTime();
        int total = target.sweep() + REQUESTS;
        for (int i = 0; i < total; i++) {
            Request request = target.maker().make(malformed, random, i);
            RawHttp.Answer answer = RawHttp.send(target.port(), request.bytes(), ANSWER_WITHIN);
            statuses.merge(answer.status(), 1, Integer::sum);
            slowest = Math.max(slowest, answer.took().toMillis());
            boolean fine = answer.status() >= 200 && answer.status() < 500 && answer.took().compareTo(ANSWER_WITHIN) < 0;
            if (!fine) {
                failures.add("seed " + SEED + ", " + target.name() + " request #" + i + " (" + request.what() + "): "
                        + (answer.arrived() ? answer.status() + " in " + answer.took().toMillis() + " ms: " + answer.head()
                        : "no answer within " + ANSWER_WITHIN.toSeconds() + " s: " + answer.head()));
            }
        }
        System.out.printf("fuzz %-32s %4d requests in %5.1f s, slowest %5d ms, statuses %s%n", target.name(), total,
                (System.nanoTime() - started) / 1e9, slowest, statuses);
        assertThat(failures).as("seed %d (replay with -Dferry.fuzz.seed=%d): every answer a 2xx or 4xx within %s;"
                        + " Ferry's output:%n%s", SEED, SEED, ANSWER_WITHIN, tail(ferry.process().output()))
                .isEmpty();
        assertThat(ferry.process().isAlive()).as("seed %d: ferry is still running", SEED).isTrue();
    }

    private void stillServing() throws Exception {
        RawHttp.Answer health = RawHttp.send(ferry.managementPort(), get("/observe/health", List.of()), ANSWER_WITHIN);
        assertThat(health.status()).as("seed %d: %s", SEED, health.head()).isEqualTo(200);
        assertThat(health.head()).as("seed %d", SEED).contains("UP").doesNotContain("DOWN");
        byte[] event = Malformed.bytes(FuzzCorpus.STOREFRONT_EVENTS.get(0));
        RawHttp.Answer accepted = RawHttp.send(ferry.httpPort(), RawHttp.request("POST",
                Malformed.bytes("/v1/storefront/events"), headers(List.of(JSON, "Content-Length: " + event.length)),
                event), ANSWER_WITHIN);
        assertThat(accepted.status()).as("seed %d: %s", SEED, accepted.head()).isEqualTo(202);
        assertThat(accepted.head()).contains("\"accepted\":2");
    }

    private List<Target> targets() {
        String destination = "Authorization: Bearer " + ferry.destinationToken();
        String lookup = "Authorization: Bearer " + ferry.lookupToken();
        String admin = "Authorization: Bearer " + ferry.adminToken();
        int business = ferry.httpPort();
        int management = ferry.managementPort();
        return List.of(
                bodyTarget("POST /v1/storefront/events", business, "/v1/storefront/events", FuzzCorpus.STOREFRONT_EVENTS,
                        random -> List.of()),
                bodyTarget("POST /v1/storefront/events (CORS)", business, "/v1/storefront/events",
                        FuzzCorpus.STOREFRONT_EVENTS, random -> List.of("Origin: " + FullFerry.ALLOWED_ORIGIN)),
                queryTarget("GET /v1/storefront/ferry.js", business, "/v1/storefront/ferry.js", List.of("v", "x"),
                        malformed -> List.of()),
                bodyTarget("POST /v1/audiences/aep-destination", business, "/v1/audiences/aep-destination",
                        FuzzCorpus.DESTINATION_PUSHES, random -> List.of(destination)),
                queryTarget("GET /v1/audiences", business, "/v1/audiences", List.of("limit", "start"),
                        malformed -> List.of(lookup)),
                queryTarget("GET /v1/audiences/membership", business, "/v1/audiences/membership",
                        List.of("customerId", "email", "fpid", "ecid"), malformed -> List.of(lookup)),
                queryTarget("GET /v1/audiences/mine", business, "/v1/audiences/mine", List.of("fpid"),
                        malformed -> List.of("Cookie: " + malformed.fpidCookie())),
                bodyTarget("POST /graphql", business, "/graphql", FuzzCorpus.GRAPHQL,
                        random -> List.of("Authorization: " + new Malformed(random).authorization())),
                queryTarget("GET /graphql", business, "/graphql", List.of("query", "variables", "operationName"),
                        malformed -> List.of("Authorization: " + malformed.authorization(),
                                "Cookie: " + malformed.fpidCookie())),
                queryTarget("GET /admin/dlq", management, "/admin/dlq", List.of("reason", "limit"),
                        malformed -> List.of(admin)),
                new Target("GET /admin/dlq/{id}", management, 0, (malformed, random, i) -> {
                    String id = new String(malformed.queryValue(), StandardCharsets.ISO_8859_1);
                    String path = "/admin/dlq/" + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(1, 20)) : id)
                            + (random.nextBoolean() ? "?showPii=" + (random.nextBoolean() ? "true" : "maybe") : "");
                    return new Request("GET " + abbreviate(path), get(path, List.of(admin)));
                }),
                bodyTarget("POST /admin/dlq/replay", management, "/admin/dlq/replay", FuzzCorpus.DLQ_REPLAY,
                        random -> List.of(admin)),
                bodyTarget("POST /admin/dlq/purge", management, "/admin/dlq/purge", FuzzCorpus.DLQ_PURGE,
                        random -> List.of(admin)),
                queryTarget("GET /observe/health", management, "/observe/health", List.of("data", "exposureLevel"),
                        malformed -> List.of()),
                queryTarget("GET /observe/metrics", management, "/observe/metrics", List.of("name[]", "format"),
                        malformed -> List.of(admin)));
    }

    /** POSTs of the corpus, first each value replaced by a wrong type once, then random mutations and envelopes. */
    private Target bodyTarget(String name, int port, String path, List<String> corpus,
                              Function<SplittableRandom, List<String>> headers) {
        List<String[]> sweep = new ArrayList<>();
        for (String document : corpus) {
            Malformed.pointers(document).forEach(pointer -> sweep.add(new String[] {document, pointer}));
        }
        return new Target(name, port, sweep.size(), (malformed, random, i) -> {
            Malformed.Body body;
            if (i < sweep.size()) {
                body = malformed.wrongType(sweep.get(i)[0], sweep.get(i)[1]);
            } else if (random.nextInt(12) == 0) {
                body = malformed.randomBytes();
            } else {
                body = malformed.mutate(corpus.get(random.nextInt(corpus.size())));
            }
            return envelope(random, path, headers.apply(random), body);
        });
    }

    /** GETs (now and then another method, or a body) with odd query strings and the given headers. */
    private Target queryTarget(String name, int port, String path, List<String> names,
                               Function<Malformed, List<String>> headers) {
        return new Target(name, port, 0, (malformed, random, i) -> {
            byte[] query = random.nextInt(10) == 0 ? new byte[0] : malformed.query(names);
            byte[] target = query.length == 0 ? Malformed.bytes(path) : Malformed.concat(Malformed.bytes(path + "?"), query);
            String method = random.nextInt(10) == 0 ? pick(random, List.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS",
                    "PATCH", "TRACE", "FOO")) : "GET";
            List<String> extra = new ArrayList<>(headers.apply(malformed));
            byte[] body = new byte[0];
            if (random.nextInt(10) == 0) {
                body = malformed.mutate(FuzzCorpus.GRAPHQL.get(0)).bytes();
                extra.add(JSON);
                extra.add("Content-Length: " + body.length);
            }
            String what = method + " " + abbreviate(new String(target, StandardCharsets.ISO_8859_1)) + " "
                    + abbreviate(String.join(" | ", extra));
            return new Request(what, RawHttp.request(method, target, headers(extra), body));
        });
    }

    /** A POST of the body, mostly as JSON with its true length; sometimes with a content type, encoding or length that lies. */
    private Request envelope(SplittableRandom random, String path, List<String> fixed, Malformed.Body body) {
        List<String> headers = new ArrayList<>(fixed);
        int contentType = random.nextInt(20);
        String type = contentType < 14 ? JSON : pick(random, List.of("Content-Type: text/plain",
                "Content-Type: application/x-www-form-urlencoded", "Content-Type: multipart/form-data; boundary=x",
                "Content-Type: application/json; charset=latin1", "Content-Type: ;;;=", "Content-Type: application/x+json"));
        if (contentType != 19) {
            headers.add(type);
        }
        String what = body.what();
        byte[] bytes = body.bytes();
        switch (random.nextInt(20)) {
            case 0 -> {
                headers.add("Content-Encoding: gzip");
                headers.add("Content-Length: " + bytes.length);
                what += ", Content-Encoding: gzip (a lie)";
            }
            case 1 -> {
                String declared = pick(random, List.of("1000000000000", "2147483648", "99999999999999999999999"));
                headers.add("Content-Length: " + declared);
                what += ", Content-Length: " + declared + " (a lie)";
            }
            case 2 -> {
                headers.add("Transfer-Encoding: chunked");
                bytes = Malformed.concat(Malformed.bytes(Integer.toHexString(bytes.length) + "\r\n"), bytes,
                        Malformed.bytes("\r\n0\r\n\r\n"));
                what += ", chunked";
            }
            case 3 -> {
                headers.add("Content-Length: " + bytes.length);
                headers.add("Content-Length: " + (bytes.length + 1));
                what += ", two different Content-Lengths";
            }
            default -> headers.add("Content-Length: " + bytes.length);
        }
        return new Request("POST " + path + " " + abbreviate(String.join(" | ", headers)) + ": " + what,
                RawHttp.request("POST", Malformed.bytes(path), headers(headers), bytes));
    }

    private static byte[] get(String path, List<String> extra) {
        return RawHttp.request("GET", path.getBytes(StandardCharsets.ISO_8859_1), headers(extra), new byte[0]);
    }

    private static List<String> headers(List<String> extra) {
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close"));
        headers.addAll(extra);
        return headers;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
    }
}

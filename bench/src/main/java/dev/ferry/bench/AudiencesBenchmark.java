package dev.ferry.bench;

import dev.ferry.core.identity.Identities;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.CommerceSchema;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The audiences connector on a real MariaDB with 1,000 Commerce customers: destination intake in profiles/s
 * (pushes of 100 profiles from 4 client threads), lookup latency by customer id, and the GraphQL proxy's added
 * latency against calling the stub upstream (a raw Vert.x server) directly. Lookups and proxied requests go to two
 * consumers on the same database, one with the default membership cache and one without it
 * ({@code membershipCacheTtl=0}, every request reads MariaDB). Arguments: pushes, lookups, proxied requests.
 */
public final class AudiencesBenchmark {

    private static final String DATABASE = "ferry_aud_bench";
    private static final String TOKEN = "bench-token";
    private static final int PROFILES_PER_PUSH = 100;
    private static final int THREADS = 4;

    private AudiencesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int proxied = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        MariaDbServer server = MariaDbServer.machineOrEmbedded();
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
        Vertx vertx = Vertx.vertx();
        CamelContext camel = new DefaultCamelContext();
        try {
            DataSource commerce = server.dataSource(DATABASE);
            CommerceSchema.create(commerce);
            new CommerceSampleData(3).seed(commerce, SampleSize.defaults().withCustomers(1000).withOrders(1));
            List<Long> customers = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (Connection c = commerce.getConnection(); ResultSet rows = c.createStatement()
                    .executeQuery("SELECT entity_id, email FROM customer_entity ORDER BY entity_id")) {
                while (rows.next()) {
                    customers.add(rows.getLong(1));
                    hashes.add(Identities.emailSha256(rows.getString(2)));
                }
            }
            HttpServer upstream = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(
                    body -> request.response().putHeader("Content-Type", "application/json")
                            .end("{\"data\":{\"cart\":{\"prices\":{\"discounts\":[]}}}}")))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
            String graphql = "http://127.0.0.1:" + upstream.actualPort() + "/graphql";

            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(0);
            camel.addService(new VertxPlatformHttpServer(http));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // The JDBC URL, as routes/audiences.yaml gives it: the endpoint pools connections (HikariCP).
                    String database = "url=RAW(" + server.jdbcUrl(DATABASE) + ")&user=RAW(" + server.user()
                            + ")&password=RAW(" + server.password() + ")&destinationToken=" + TOKEN
                            + "&lookupToken=" + TOKEN + "&graphqlUrl=" + graphql;
                    from("commerce-audiences:membership?" + database).routeId("audiences")
                            .log(org.apache.camel.LoggingLevel.DEBUG, "stored");
                    from("commerce-audiences:uncached?" + database + "&membershipCacheTtl=0&basePath=/uncached"
                            + "&graphqlPath=/uncached/graphql").routeId("audiences-uncached")
                            .log(org.apache.camel.LoggingLevel.DEBUG, "stored");
                }
            });
            camel.start();
            String base = "http://127.0.0.1:" + camel.hasService(VertxPlatformHttpServer.class).getServer()
                    .actualPort();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<String> bodies = new ArrayList<>();
            for (int p = 0; p < pushes; p++) {
                bodies.add(push(p, hashes));
            }
            intake(client, base, bodies.subList(0, Math.min(20, bodies.size())));
            double profilesPerSecond = intake(client, base, bodies);
            System.out.printf("intake: %,d profiles in pushes of %d from %d threads: %,.0f profiles/s%n",
                    pushes * PROFILES_PER_PUSH, PROFILES_PER_PUSH, THREADS, profilesPerSecond);

            for (String path : List.of("/v1/audiences", "/uncached")) {
                List<HttpRequest> lookupRequests = new ArrayList<>();
                for (int i = 0; i < lookups; i++) {
                    lookupRequests.add(HttpRequest.newBuilder(URI.create(base + path + "/membership?customerId="
                            + customers.get(i % customers.size()))).header("Authorization", "Bearer " + TOKEN)
                            .build());
                }
                latencies(client, lookupRequests.subList(0, Math.min(2000, lookups)));
                double[] lookup = latencies(client, lookupRequests);
                System.out.printf("lookup by customerId (%s): %,d requests, p50 %.2f ms, p99 %.2f ms%n",
                        cache(path), lookups, lookup[0], lookup[1]);
            }

            List<HttpRequest> direct = new ArrayList<>();
            String query = "{\"query\":\"{ cart(cart_id: \\\"x\\\") { prices { discounts { label } } } }\"}";
            for (int i = 0; i < proxied; i++) {
                direct.add(graphqlRequest(graphql, jwt(customers.get(i % customers.size())), query));
            }
            latencies(client, direct.subList(0, Math.min(2000, proxied)));
            for (String path : List.of("/graphql", "/uncached/graphql")) {
                List<HttpRequest> viaFerry = new ArrayList<>();
                for (int i = 0; i < proxied; i++) {
                    viaFerry.add(graphqlRequest(base + path, jwt(customers.get(i % customers.size())), query));
                }
                latencies(client, viaFerry.subList(0, Math.min(2000, proxied)));
                double[] upstreamDirect = latencies(client, direct);
                double[] proxy = latencies(client, viaFerry);
                System.out.printf("graphql (%s) direct: p50 %.2f ms, p99 %.2f ms; via Ferry: p50 %.2f ms, p99 %.2f "
                                + "ms; added p50 %.2f ms, p99 %.2f ms%n", cache(path), upstreamDirect[0],
                        upstreamDirect[1], proxy[0], proxy[1], proxy[0] - upstreamDirect[0],
                        proxy[1] - upstreamDirect[1]);
            }
        } finally {
            camel.stop();
            vertx.close();
            server.dropDatabase(DATABASE);
            server.close();
        }
    }

    private static String cache(String path) {
        return path.startsWith("/uncached") ? "cache off" : "cache on";
    }

    /** A destination push: customers by email hash and guests by FPID, each in three audiences. */
    private static String push(int number, List<String> hashes) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < PROFILES_PER_PUSH; i++) {
            int n = number * PROFILES_PER_PUSH + i;
            String identity = n % 2 == 0
                    ? "\"email_lc_sha256\":[{\"id\":\"" + hashes.get(n / 2 % hashes.size()) + "\"}]"
                    : "\"fpid\":[{\"id\":\"" + Identities.newFpid() + "\"}]";
            String time = "2026-01-01T00:00:" + String.format("%02d", n % 60) + "Z";
            body.append(i == 0 ? "" : ",").append("{\"identityMap\":{").append(identity)
                    .append("},\"segmentMembership\":{\"ups\":{");
            for (int a = 0; a < 3; a++) {
                body.append(a == 0 ? "" : ",").append("\"aud-").append((n + a) % 20).append("\":{\"status\":\"")
                        .append(n % 7 == 0 ? "exited" : "realized").append("\",\"lastQualificationTime\":\"")
                        .append(time).append("\"}");
            }
            body.append("}}}");
        }
        return body.append(']').toString();
    }

    private static double intake(HttpClient client, String base, List<String> bodies) throws Exception {
        URI uri = URI.create(base + "/v1/audiences/aep-destination");
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("push answered " + response.statusCode() + ": "
                                + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        return bodies.size() * PROFILES_PER_PUSH / seconds;
    }

    /** One request after the other; p50 and p99 in ms. */
    private static double[] latencies(HttpClient client, List<HttpRequest> requests) throws Exception {
        double[] millis = new double[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(requests.get(i).uri() + " answered " + response.statusCode());
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[(int) (millis.length * 0.50)], millis[Math.min(millis.length - 1,
                (int) (millis.length * 0.99))]};
    }

    private static HttpRequest graphqlRequest(String url, String jwt, String query) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + jwt)
                .header("Content-Type", "application/json").header("Store", "default")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build();
    }

    private static String jwt(long customerId) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"uid\":" + customerId + ",\"utypid\":3}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}

package dev.ferry.app.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.schema.XdmSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The real jar with everything an operator can turn on: the default routes (storefront collector, order poller,
 * audiences with the GraphQL proxy), a seeded Commerce database of its own in MariaDB, the sandbox as AEP pushing
 * its audiences to Ferry's destination endpoint, a stub Commerce GraphQL endpoint, CORS for one storefront origin and
 * an admin token on the management port. For the tests that attack every endpoint or read every log line.
 */
public final class FullFerry implements AutoCloseable {

    public static final String ALLOWED_ORIGIN = "https://shop.example.com";
    /** What the stub Commerce GraphQL endpoint answers to every request. */
    public static final String GRAPHQL_ANSWER = "{\"data\":{\"customerCart\":{\"id\":\"cart-1\"}}}";

    private final String database = "ferry_full_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String destinationToken = "destination-" + UUID.randomUUID();
    private final String lookupToken = "lookup-" + UUID.randomUUID();
    private final String adminToken = "admin-" + UUID.randomUUID();
    private final MariaDbServer mariaDb;
    private final HttpServer commerceGraphql;
    private final List<String> graphqlSeen = new ArrayList<>();
    private AepSandbox sandbox;
    private Path config;
    private FerryProcess process;
    private int httpPort;
    private int managementPort;

    private FullFerry() throws Exception {
        mariaDb = MariaDbServer.machineOrEmbedded();
        new CommerceSampleData(7).seedNewDatabase(mariaDb, database,
                SampleSize.defaults().withCustomers(3).withOrders(1));
        commerceGraphql = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        commerceGraphql.createContext("/graphql", exchange -> {
            exchange.getRequestBody().readAllBytes();
            synchronized (graphqlSeen) {
                graphqlSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("aep-segments-membership")));
            }
            byte[] answer = GRAPHQL_ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        commerceGraphql.start();
    }

    /**
     * Sandbox settings whose dataset schema lacks {@code userAccount}, so the sandbox refuses every account event
     * (sign-in, create-account, …) as invalid and Ferry dead-letters it with AEP's reason, while every other event
     * is accepted: a dead letter that carries the shopper's email.
     */
    public static UnaryOperator<SandboxSettings.Builder> refusingAccountEvents(Path work) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode schema;
        try (InputStream in = XdmSchema.class.getResourceAsStream(XdmSchema.BUILT_IN_RESOURCE)) {
            schema = (ObjectNode) json.readTree(in);
        }
        ((ObjectNode) schema.get("properties")).remove("userAccount");
        Path file = work.resolve("schema-without-user-account.json");
        json.writeValue(file.toFile(), schema);
        return settings -> settings.schemaFile(file);
    }

    /**
     * Starts the Commerce database, the stub GraphQL endpoint, the sandbox (its settings changed by
     * {@code sandboxSettings}) and Ferry with {@code ferry run} plus {@code extraArgs}; returns once Ferry's business
     * and management ports answer.
     */
    public static FullFerry start(Path work, UnaryOperator<SandboxSettings.Builder> sandboxSettings,
                                  String... extraArgs) throws Exception {
        FullFerry ferry = new FullFerry();
        try {
            ferry.startSandboxAndFerry(work, sandboxSettings, extraArgs);
            return ferry;
        } catch (Exception | AssertionError e) {
            ferry.close();
            throw e;
        }
    }

    private void startSandboxAndFerry(Path work, UnaryOperator<SandboxSettings.Builder> sandboxSettings,
                                      String... extraArgs) throws Exception {
        httpPort = SandboxConfigFile.freePort();
        managementPort = SandboxConfigFile.freePort();
        sandbox = AepSandbox.start(sandboxSettings.apply(SandboxSettings.defaults().toBuilder().port(0)
                .destinationUrl(URI.create(business() + "/v1/audiences/aep-destination"))
                .destinationToken(destinationToken)
                .destinationBackoff(Duration.ofMillis(200))).build());
        config = SandboxConfigFile.write(work, sandbox, httpPort, managementPort);
        Files.writeString(config, String.join("\n",
                "ferry.commerce.db.url=" + mariaDb.jdbcUrl(database),
                "ferry.commerce.db.user=" + mariaDb.user(),
                "ferry.commerce.db.password=" + mariaDb.password(),
                "ferry.orders.enabled=true",
                "ferry.orders.poll-interval=300",
                "ferry.audiences.enabled=true",
                "ferry.audiences.destination.token=" + destinationToken,
                "ferry.audiences.lookup-token=" + lookupToken,
                "ferry.audiences.catalog.poll-interval=1000",
                "ferry.commerce.graphql.url=http://127.0.0.1:" + commerceGraphql.getAddress().getPort() + "/graphql",
                "ferry.storefront.allowed-origins=" + ALLOWED_ORIGIN,
                "ferry.admin.token=" + adminToken,
                ""), StandardOpenOption.APPEND);
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(),
                "--routes", Path.of("..", "routes").toAbsolutePath().toString()));
        args.addAll(List.of(extraArgs));
        process = FerryProcess.start(work, environment(), args.toArray(String[]::new));
        awaitPorts();
    }

    private void awaitPorts() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("ferry run exited:\n" + process.output());
            }
            if (answers(managementPort, "/observe/health") && answers(httpPort, "/v1/storefront/ferry.js")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ferry run did not open its ports in 90 s:\n" + process.output());
    }

    private static boolean answers(int port, String path) {
        try {
            return RawHttp.send(port, RawHttp.request("GET", path.getBytes(StandardCharsets.US_ASCII),
                    List.of("Host: 127.0.0.1", "Connection: close"), new byte[0]), Duration.ofSeconds(2)).status() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    public String business() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The config file Ferry runs with, for CLI commands against the same state database. */
    public Path config() {
        return config;
    }

    /** The environment Ferry runs with: the AEP client secret, kept out of the config file. */
    public Map<String, String> environment() {
        return Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
    }

    public FerryProcess process() {
        return process;
    }

    public AepSandbox sandbox() {
        return sandbox;
    }

    public DataSource commerce() {
        return mariaDb.dataSource(database);
    }

    public String destinationToken() {
        return destinationToken;
    }

    public String lookupToken() {
        return lookupToken;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The aep-segments-membership header of each request the stub Commerce GraphQL endpoint received ("null": none). */
    public List<String> graphqlMembershipHeaders() {
        synchronized (graphqlSeen) {
            return List.copyOf(graphqlSeen);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        commerceGraphql.stop(0);
        mariaDb.dropDatabase(database);
        mariaDb.close();
    }
}

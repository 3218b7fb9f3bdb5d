package dev.ferry.sandbox;

import dev.ferry.sandbox.admin.AdminHandlers;
import dev.ferry.sandbox.batch.BatchHandlers;
import dev.ferry.sandbox.destination.DestinationPush;
import dev.ferry.sandbox.edge.EdgeHandlers;
import dev.ferry.sandbox.ims.CredentialCheck;
import dev.ferry.sandbox.ims.TokenStore;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.schema.XdmSchema;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import dev.ferry.sandbox.segmentation.AudienceQualifier;
import dev.ferry.sandbox.segmentation.Memberships;
import dev.ferry.sandbox.streaming.StreamingHandlers;
import dev.ferry.sandbox.web.ApiGuard;
import dev.ferry.sandbox.web.SandboxStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Adobe Experience Platform for Ferry's demo, tests and users' own development: IMS, the Edge Network
 * Server API, streaming ingestion, batch ingestion with Catalog, the Segmentation audience list with rule-based
 * audiences pushed to an HTTP destination and pulled through Edge {@code activation:pull}, on one loopback port, built to AEP's documented request and answer shapes, status codes and limits.
 *
 * <pre>{@code
 * try (AepSandbox aep = AepSandbox.start(SandboxSettings.defaults())) {
 *     // point Ferry at aep.baseUrl(); inspect aep.events()
 * }
 * }</pre>
 */
public final class AepSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AepSandbox.class);
    private static final long START_STOP_TIMEOUT_SECONDS = 30;
    private static final String LOOPBACK = "127.0.0.1";

    private final SandboxSettings settings;
    private final Vertx vertx;
    private final HttpServer server;
    private final SandboxFaults faults;
    private final ReceivedEvents events;
    private final TokenStore tokens;
    private final ScheduledExecutorService segmentation;
    private final ExecutorService batchThreads;

    private AepSandbox(SandboxSettings settings, Vertx vertx, HttpServer server, SandboxFaults faults,
                       ReceivedEvents events, TokenStore tokens, ScheduledExecutorService segmentation,
                       ExecutorService batchThreads) {
        this.settings = settings;
        this.vertx = vertx;
        this.server = server;
        this.faults = faults;
        this.events = events;
        this.tokens = tokens;
        this.segmentation = segmentation;
        this.batchThreads = batchThreads;
    }

    /** Starts a sandbox on the system clock and returns once it listens. */
    public static AepSandbox start(SandboxSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /**
     * Starts a sandbox whose tokens, event times and audience windows follow the given clock, so a test can let
     * hours or days pass; returns once it listens.
     */
    public static AepSandbox start(SandboxSettings settings, Clock clock) {
        XdmSchema schema = settings.schemaFile().map(XdmSchema::fromFile).orElseGet(XdmSchema::builtIn);
        SandboxFaults faults = new SandboxFaults(settings.initialFaults());
        ReceivedEvents events = new ReceivedEvents(settings.eventCapacity());
        TokenStore tokens = new TokenStore(clock, settings.tokenTtl());
        SandboxStats stats = new SandboxStats();
        Memberships memberships = new Memberships();
        AudienceCatalog audiences = new AudienceCatalog(settings, clock.millis());
        ScheduledExecutorService segmentation = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aep-sandbox-segmentation");
            thread.setDaemon(true);
            return thread;
        });
        DestinationPush destination = new DestinationPush(segmentation, settings.destinationBackoff(),
                new DestinationPush.Target(settings.destinationUrl(), settings.destinationToken()));
        AudienceQualifier qualifier = new AudienceQualifier(audiences, destination, clock);
        EventIntake intake = new EventIntake(schema, events, stats, clock, qualifier::onEvent);
        long interval = settings.evaluationInterval().toMillis();
        segmentation.scheduleWithFixedDelay(() -> evaluate(qualifier), interval, interval, TimeUnit.MILLISECONDS);

        ExecutorService batchThreads = batchThreads();
        Vertx vertx = Vertx.vertx();
        try {
            SandboxRoutes.SandboxParts parts = new SandboxRoutes.SandboxParts(
                    settings,
                    tokens,
                    new ApiGuard(vertx, new CredentialCheck(tokens, settings), faults, stats),
                    new EdgeHandlers(vertx, settings, intake, memberships, qualifier),
                    new StreamingHandlers(vertx, settings, intake, clock),
                    new BatchHandlers(vertx, batchThreads, settings, intake, clock),
                    audiences,
                    new AdminHandlers(faults, events, stats, audiences, memberships, destination, schema.source()));
            // Gzip request bodies are accepted as AEP's ingestion endpoints accept them; limits apply to the inflated body.
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(LOOPBACK)
                    .setPort(settings.port())
                    .setDecompressionSupported(true);
            HttpServer server = vertx.createHttpServer(options).requestHandler(SandboxRoutes.build(vertx, parts));
            await(server.listen());
            LOG.info("AEP sandbox listening on http://{}:{} (schema: {})", LOOPBACK, server.actualPort(), schema.source());
            return new AepSandbox(settings, vertx, server, faults, events, tokens, segmentation, batchThreads);
        } catch (RuntimeException e) {
            segmentation.shutdownNow();
            batchThreads.shutdownNow();
            vertx.close();
            throw e;
        }
    }

    /** One daemon thread per core, so pipelined batches are processed side by side without holding up a JVM exit. */
    private static ExecutorService batchThreads() {
        AtomicInteger started = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "aep-sandbox-batch-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One periodic evaluation; a failure is logged and the next one runs, as the schedule would stop otherwise. */
    private static void evaluate(AudienceQualifier qualifier) {
        try {
            qualifier.evaluateAll();
        } catch (RuntimeException e) {
            LOG.error("audience evaluation failed", e);
        }
    }

    /** The settings it runs with: the credentials and ids a client must use. */
    public SandboxSettings settings() {
        return settings;
    }

    /** The port the sandbox listens on. */
    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:PORT}, the base of every AEP endpoint the sandbox serves. */
    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + port();
    }

    /** Programmatic control of injected faults. */
    public SandboxFaults faults() {
        return faults;
    }

    /** What the sandbox received. */
    public ReceivedEvents events() {
        return events;
    }

    /**
     * The access tokens its IMS issued that it still holds (revoked ones are forgotten), so a test can prove they
     * never appear in a client's logs.
     */
    public Set<String> issuedTokens() {
        return tokens.held();
    }

    /** Invalidates every issued token; the next authenticated call gets a 401 until the client fetches a new one. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Stops listening and releases Vert.x's threads; closing Vert.x closes the server it owns. */
    @Override
    public void close() {
        segmentation.shutdownNow();
        batchThreads.shutdownNow();
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sandbox", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sandbox could not start or stop: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the sandbox did not start or stop within " + START_STOP_TIMEOUT_SECONDS + " s", e);
        }
    }
}

package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sample.MariaDbServer;
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
import java.util.BitSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A soak of the real {@code ferry.jar}: a steady open-loop storefront load (default 4,300 events/s, half the
 * collector's measured maximum) with orders changing in the Commerce database in parallel, for a given time (default
 * 30 minutes), printing every report interval the storefront latencies of that interval, what was acknowledged and
 * what AEP accepted so far, Ferry's heap and RSS and the outbox backlog. At the end it stops the load, waits for the
 * outbox to drain and checks by {@code _id} that every acknowledged storefront event and every order event owed
 * reached the AEP sandbox, and whether heap and RSS stayed flat.
 *
 * <p>Ferry runs as {@code java -Xmx512m -jar app/target/ferry.jar run} with the default routes and the order poller
 * on; the AEP sandbox, the load and the order changes run in this JVM; the Commerce database is a fresh database on
 * the machine's MariaDB (or an embedded one), dropped at the end.
 *
 * <p>Run from the repository root after building the jar and the bench classpath (docs/PERFORMANCE.md):
 * {@code java -Xmx1g -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.ferry.bench.SoakBenchmark
 * 4300 30} (storefront events/s, minutes, seconds between reports, order changes/s, minutes to wait for the
 * drain; {@code -Dferry.jar=} for a jar elsewhere).
 */
public final class SoakBenchmark {

    /**
     * The sandbox's ring of retained events: about 12 s of the default load, read every second by
     * {@link DeliveredIds}, and about 150 MB of this JVM's heap at 2.4 KB an event.
     */
    private static final int RING_EVENTS = 50_000;
    private static final int SAMPLE_SECONDS = 5;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int eventsPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 4_300;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int reportSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        double orderChangesPerSecond = args.length > 3 ? Double.parseDouble(args[3]) : 4;
        Duration drainTimeout = Duration.ofMinutes(args.length > 4 ? Integer.parseInt(args[4]) : 10);
        Path jar = Path.of(System.getProperty("ferry.jar", "app/target/ferry.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -B -q -pl app -am package -DskipTests");
        }
        // Ferry's configuration, state database and log; kept when the soak fails, for the log.
        Path work = Files.createTempDirectory("ferry-soak");
        try (MariaDbServer mariaDb = MariaDbServer.machineOrEmbedded();
             SoakCommerce commerce = new SoakCommerce(mariaDb);
             AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults().toBuilder()
                     .eventCapacity(RING_EVENTS).build());
             SoakFerry ferry = SoakFerry.start(jar, work, sandbox, commerce.configLines());
             DeliveredIds delivered = new DeliveredIds(sandbox.events())) {
            delivered.start();
            long lastUnowedOrder = pollerIsRunning(commerce, sandbox);
            SoakLoad load = new SoakLoad(ferry.collectorUrl(), eventsPerSecond);
            System.out.printf(Locale.ROOT, "soak: %d storefront events/s (%d requests/s of %d), %.1f order changes/s, "
                            + "%d min, ferry pid %d (-Xmx512m, log %s), %d cores%n", load.eventsPerSecond(),
                    load.eventsPerSecond() / SoakLoad.BATCH, SoakLoad.BATCH, orderChangesPerSecond, minutes, ferry.pid(),
                    work.resolve("ferry.log"), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%7s %7s %8s %8s %8s %8s %11s %11s %7s %8s %7s %7s%n", "elapsed", "due",
                    "answered", "p50 ms", "p99 ms", "max ms", "acked ev", "AEP ev", "orders", "heap MB", "RSS MB",
                    "outbox");

            MemoryTrend memory = new MemoryTrend();
            load.start();
            commerce.start(orderChangesPerSecond);
            soak(ferry, sandbox, load, commerce, memory, minutes * 60, reportSeconds);
            load.stop();
            commerce.stop();

            SoakFerry.Outbox outbox = drain(ferry, load, commerce, lastUnowedOrder, delivered, drainTimeout);
            summary(load, commerce, lastUnowedOrder, delivered, aepStats(sandbox), outbox);
            memory.print();
            System.out.printf("ferry stopped after SIGTERM (exit code %d)%n", ferry.terminate());
        }
        Directories.deleteRecursively(work);
    }

    /** The load's run: one sample of Ferry's memory every 5 s, one report line every {@code reportSeconds}. */
    private static void soak(SoakFerry ferry, AepSandbox sandbox, SoakLoad load, SoakCommerce commerce,
                             MemoryTrend memory, int seconds, int reportSeconds) throws Exception {
        long start = System.nanoTime();
        long dueBefore = 0;
        long answeredBefore = 0;
        for (int s = 1; s <= seconds; s++) {
            long wait = start + TimeUnit.SECONDS.toNanos(s) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean report = s % reportSeconds == 0 || s == seconds;
            if (s % SAMPLE_SECONDS != 0 && !report) {
                continue;
            }
            long heap = ferry.heapUsedBytes();
            long rss = ferry.rssBytes();
            memory.add(s, heap, rss);
            if (s == seconds / 3 || s == seconds) {
                SoakFerry.LiveHeap live = ferry.liveHeap();
                memory.addLive(s, live.bytes());
                System.out.printf(Locale.ROOT, "live heap at %d s: %.1f MB after a full collection; largest:%n%s%n", s,
                        live.bytes() / 1e6, String.join("\n", live.largestClasses()));
            }
            if (report) {
                IntervalLatencies latencies = load.nextInterval();
                long due = load.requestsDue();
                long answered = load.requestsAnswered();
                System.out.printf(Locale.ROOT, "%6ds %7d %8d %8.1f %8.1f %8.1f %11d %11d %7d %8.0f %7.0f %7d%n", s,
                        due - dueBefore, answered - answeredBefore, latencies.percentile(0.50),
                        latencies.percentile(0.99), latencies.percentile(1), load.eventsAcknowledged(),
                        aepStats(sandbox).accepted(), commerce.changes(), heap / 1e6, rss / 1e6,
                        ferry.outbox().waiting());
                dueBefore = due;
                answeredBefore = answered;
            }
        }
    }

    /**
     * Places probe orders until one reaches the sandbox, which shows the poller has fixed its start point; returns
     * that order's entity_id: the poller owes an event for every change of every order placed after it.
     */
    private static long pollerIsRunning(SoakCommerce commerce, AepSandbox sandbox) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            long probe = commerce.placeOrder("probe@example.com");
            String id = commerce.placedEventId(probe);
            for (int i = 0; i < 20; i++) {
                if (sandbox.events().countById(id) > 0) {
                    return probe;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no probe order reached the sandbox within 90 s: is the order poller on?");
    }

    /**
     * Waits until the outbox is empty and the sandbox holds every acknowledged storefront event and every owed
     * order event, or for the timeout; returns the outbox as it then stands.
     */
    private static SoakFerry.Outbox drain(SoakFerry ferry, SoakLoad load, SoakCommerce commerce,
                                          long lastUnowedOrder, DeliveredIds delivered, Duration timeout)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        BitSet acknowledged = load.acknowledged();
        Set<String> owedOrders = commerce.owedEventIdsAfter(lastUnowedOrder);
        while (true) {
            delivered.read();
            SoakFerry.Outbox outbox = ferry.outbox();
            BitSet missing = (BitSet) acknowledged.clone();
            missing.andNot(delivered.storefront());
            Set<String> missingOrders = new HashSet<>(owedOrders);
            missingOrders.removeAll(delivered.others());
            if (outbox.waiting() == 0 && missing.isEmpty() && missingOrders.isEmpty()
                    || System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "drained in %.1f s after the load stopped: outbox %d waiting, "
                                + "%d storefront and %d order events not yet in AEP%n",
                        (System.nanoTime() - started) / 1e9, outbox.waiting(), missing.cardinality(),
                        missingOrders.size());
                return outbox;
            }
            Thread.sleep(1_000);
        }
    }

    private static void summary(SoakLoad load, SoakCommerce commerce, long lastUnowedOrder, DeliveredIds delivered,
                                AepStats aep, SoakFerry.Outbox outbox) throws Exception {
        BitSet acknowledged = load.acknowledged();
        BitSet storefrontMissing = (BitSet) acknowledged.clone();
        storefrontMissing.andNot(delivered.storefront());
        Set<String> owedOrders = commerce.owedEventIdsAfter(lastUnowedOrder);
        Set<String> ordersMissing = new HashSet<>(owedOrders);
        ordersMissing.removeAll(delivered.others());

        // Every committed order change is owed its events, so the order side's sent and acknowledged are the same.
        long sent = load.eventsSent() + owedOrders.size();
        long owed = acknowledged.cardinality() + owedOrders.size();
        long missing = storefrontMissing.cardinality() + ordersMissing.size();
        long lost = Math.max(0, missing - outbox.deadLetters());
        System.out.printf(Locale.ROOT, "storefront: %d requests due, %d never sent (still waiting for a sender when "
                        + "the load stopped), %d events sent, %d requests refused or unanswered, %d events "
                        + "acknowledged, %d of them not in AEP%n", load.requestsDue(), load.requestsNeverSent(),
                load.eventsSent(), load.requestsRefused(), acknowledged.cardinality(), storefrontMissing.cardinality());
        System.out.printf(Locale.ROOT, "orders: %d changes committed (%d failed), %d events owed, %d of them not in "
                + "AEP%n", commerce.changes(), commerce.failures(), owedOrders.size(), ordersMissing.size());
        System.out.printf(Locale.ROOT, "AEP sandbox: %d events accepted, %d rejected, %d distinct ids%n",
                aep.accepted(), aep.rejected(), delivered.distinct());
        System.out.printf(Locale.ROOT, "soak: sent %d, acknowledged %d, delivered %d, duplicated %d, dead-lettered %d, "
                        + "lost %d%n", sent, owed, owed - missing, aep.accepted() - delivered.distinct(),
                outbox.deadLetters(), lost);
        if (delivered.gaps() > 0) {
            System.out.printf("WARNING: the sandbox's ring wrapped past %d reads, so some ids were never seen: "
                    + "delivered, duplicated and lost above are not exact%n", delivered.gaps());
        }
    }

    /** What the sandbox counted over the whole run ({@code GET /sandbox/stats}), duplicates included. */
    private record AepStats(long accepted, long rejected) {
    }

    private static AepStats aepStats(AepSandbox sandbox) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/stats"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode events = Xdm.JSON.readTree(answer.body()).path("events");
        return new AepStats(events.path("accepted").asLong(), events.path("rejected").asLong());
    }
}

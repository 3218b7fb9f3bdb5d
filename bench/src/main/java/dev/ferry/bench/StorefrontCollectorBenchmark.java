package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.Xdm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront collector's accept rate and latency: {@code POST /v1/storefront/events} with batches of 20 ACDL
 * events as the snippet sends them, answered 202 once they are committed to the outbox in an H2 file database
 * ({@code storefront:events -> outbox:edge} on Camel's embedded Vert.x server), against a raw Vert.x endpoint on
 * the same machine that reads and parses the same JSON and stores nothing. Both are measured in the same run:
 * first the most events/s that {@code concurrency} clients get accepted (closed loop), then latency at a fixed
 * 2,000 events/s (100 requests/s, open loop: a late request's latency counts from when it was due).
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl bench -am install -DskipTests && mvn -B -q -Pbench -pl bench exec:java
 * -Dexec.mainClass=dev.ferry.bench.StorefrontCollectorBenchmark -Dexec.args="15 8"} (seconds per phase,
 * concurrency).
 */
public final class StorefrontCollectorBenchmark {

    private static final int BATCH = 20;
    private static final int FIXED_RATE_EVENTS = 2_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Vertx vertx = Vertx.vertx();
        HttpServer raw = rawServer(vertx);
        try {
            String rawUrl = "http://127.0.0.1:" + raw.actualPort() + "/v1/storefront/events";
            Load load = new Load(concurrency);
            System.out.printf(Locale.ROOT, "batches of %d events (%d bytes), %d s per phase, %d clients, %d cores%n",
                    BATCH, Batches.body(0).length(), seconds, concurrency, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-28s %12s %9s %9s | %14s %9s %9s%n", "endpoint", "max ev/s", "p50 ms",
                    "p99 ms", "@2000 ev/s got", "p50 ms", "p99 ms");
            // The raw endpoint: warm up, then the two phases.
            load.closedLoop(rawUrl, Math.max(3, seconds / 3));
            print("raw Vert.x (parse only)", load.closedLoop(rawUrl, seconds),
                    load.fixedRate(rawUrl, FIXED_RATE_EVENTS / BATCH, seconds));
            // The collector: each phase on a fresh, empty H2 file outbox (in production the delivery route keeps it
            // drained; here nothing drains it), warmed up first.
            Ferry warmUp = Ferry.start();
            load.closedLoop(warmUp.url, Math.max(3, seconds / 3));
            warmUp.stop(load);
            Ferry forMax = Ferry.start();
            Result max = load.closedLoop(forMax.url, seconds);
            forMax.stop(load);
            Ferry forFixed = Ferry.start();
            Result fixed = load.fixedRate(forFixed.url, FIXED_RATE_EVENTS / BATCH, seconds);
            forFixed.stop(load);
            print("Ferry collector (H2 file)", max, fixed);
        } finally {
            raw.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static void print(String endpoint, Result max, Result fixed) {
        System.out.printf(Locale.ROOT, "%-28s %12.0f %9.2f %9.2f | %14.0f %9.2f %9.2f%n", endpoint,
                max.eventsPerSecond(), max.p50(), max.p99(), fixed.eventsPerSecond(), fixed.p50(), fixed.p99());
        if (max.failures() + fixed.failures() > 0) {
            System.out.printf(Locale.ROOT, "  %s: %d requests not answered 202%n", endpoint,
                    max.failures() + fixed.failures());
        }
    }

    /** The collector route on Camel's embedded Vert.x server with a fresh H2 file outbox. */
    private record Ferry(CamelContext camel, StateDatabase state, Path dir, String url) {

        static Ferry start() throws Exception {
            Path dir = Files.createTempDirectory("ferry-storefront-bench");
            StateDatabase state = StateDatabase.open("jdbc:h2:file:" + dir.resolve("state"), "", "");
            CamelContext camel = collector(state);
            camel.start();
            String url = "http://127.0.0.1:" + camel.hasService(VertxPlatformHttpServer.class).getServer()
                    .actualPort() + "/v1/storefront/events";
            return new Ferry(camel, state, dir, url);
        }

        /** Checks that the outbox holds what the collector answered it accepted, then stops. */
        void stop(Load load) {
            long stored = state.outbox().backlog("edge").events();
            long accepted = load.acceptedBy(url);
            camel.stop();
            state.close();
            if (stored != accepted) {
                throw new IllegalStateException("the collector answered " + accepted + " accepted but the outbox holds "
                        + stored);
            }
        }
    }

    /** Reads the body, parses it as JSON with the same mapper, counts the events, stores nothing. */
    private static HttpServer rawServer(Vertx vertx) throws Exception {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            int events;
            try {
                JsonNode tree = Xdm.JSON.readTree(body.getBytes());
                events = (tree.isArray() ? tree : tree.path("events")).size();
            } catch (Exception e) {
                request.response().setStatusCode(400).end("{\"error\":\"not JSON\"}");
                return;
            }
            request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end("{\"accepted\":" + events + ",\"rejected\":[]}");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static CamelContext collector(StateDatabase state) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        context.addService(new VertxPlatformHttpServer(http));
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("storefront:events").routeId("storefront-to-outbox").to("outbox:edge");
            }
        });
        return context;
    }

    record Result(long requests, long failures, double seconds, double p50, double p99) {
        double eventsPerSecond() {
            return (requests - failures) * BATCH / seconds;
        }
    }

    /** The storefront's HTTP clients: one connection per thread, HTTP/1.1, the shopper's cookie. */
    static final class Load {
        private final int concurrency;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicLong sequence = new AtomicLong();
        private final java.util.Map<String, AtomicLong> accepted = new java.util.concurrent.ConcurrentHashMap<>();

        Load(int concurrency) {
            this.concurrency = concurrency;
        }

        long acceptedBy(String url) {
            return accepted.getOrDefault(url, new AtomicLong()).get();
        }

        /** Returns the latency in ms, or a negative number when the answer was not 202. */
        private double post(String url, long dueNanos) {
            long n = sequence.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "ferry_fpid=" + Batches.fpid(n))
                    .POST(HttpRequest.BodyPublishers.ofString(Batches.body(n))).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - dueNanos) / 1e6;
                if (response.statusCode() != 202) {
                    return -1;
                }
                accepted.computeIfAbsent(url, key -> new AtomicLong())
                        .addAndGet(Xdm.JSON.readTree(response.body()).path("accepted").asLong());
                return ms;
            } catch (Exception e) {
                return -1;
            }
        }

        Result closedLoop(String url, int seconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<List<Double>>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    while (running.get()) {
                        latencies.add(post(url, System.nanoTime()));
                    }
                    return latencies;
                }));
            }
            Thread.sleep(seconds * 1000L);
            running.set(false);
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> worker : workers) {
                all.addAll(worker.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return result(all, elapsed);
        }

        Result fixedRate(String url, int requestsPerSecond, int seconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(concurrency, 32));
            long interval = 1_000_000_000L / requestsPerSecond;
            int total = requestsPerSecond * seconds;
            List<Future<Double>> sent = new ArrayList<>(total);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sent.add(pool.submit(() -> post(url, due)));
            }
            List<Double> all = new ArrayList<>(total);
            for (Future<Double> request : sent) {
                all.add(request.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return result(all, elapsed);
        }

        private static Result result(List<Double> latencies, double seconds) {
            double[] ok = latencies.stream().mapToDouble(Double::doubleValue).filter(ms -> ms >= 0).toArray();
            Arrays.sort(ok);
            long failures = latencies.size() - ok.length;
            return new Result(latencies.size(), failures, seconds, percentile(ok, 0.50), percentile(ok, 0.99));
        }

        private static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /** Batches of 20 events as Ferry's snippet posts them: a shopper's journey, the contexts the mapping reads. */
    static final class Batches {
        private static final String STOREFRONT = """
                {"environmentId":"09b4bd72-5d3a-4ae2-a0c0-4d8b1e0e9a58","environment":"Production",\
                "storeUrl":"https://shop.example.com/","websiteId":1,"websiteCode":"base","storeId":1,\
                "storeCode":"main_website_store","storeViewId":1,"storeViewCode":"default","websiteName":"Main Website",\
                "storeName":"Main Website Store","storeViewName":"Default Store View","baseCurrencyCode":"USD",\
                "storeViewCurrencyCode":"USD","storefrontTemplate":"Luma"}""";
        private static final String PAGE = """
                {"pageType":"PDP","pageName":"Joust Duffle Bag","maxXOffset":0,"maxYOffset":0,"minXOffset":0,\
                "minYOffset":0,"ping_interval":5,"pings":0}""";
        private static final String PRODUCT = """
                {"productId":1,"name":"Joust Duffle Bag","sku":"24-MB01","topLevelSku":"24-MB01",\
                "categories":["Gear","Bags"],"productType":"simple",\
                "pricing":{"regularPrice":34,"specialPrice":29.99,"currencyCode":"USD"},\
                "canonicalUrl":"https://shop.example.com/joust-duffle-bag.html",\
                "mainImageUrl":"https://shop.example.com/media/catalog/product/m/b/mb01-blue-0.jpg"}""";
        private static final String ITEM = """
                {"canApplyMsrp":false,"formattedPrice":"$52.00","id":"12","quantity":1,\
                "prices":{"price":{"value":52,"currency":"USD"}},"product":{"productId":67,\
                "name":"Chaz Kangeroo Hoodie","sku":"MH01-XS-Black","topLevelSku":"MH01",\
                "mainImageUrl":"https://shop.example.com/media/catalog/product/m/h/mh01-black_main.jpg",\
                "pricing":{"regularPrice":52,"currencyCode":"USD"}},"configurableOptions":[{"id":93,\
                "optionLabel":"Color","valueId":49,"valueLabel":"Black"},{"id":144,"optionLabel":"Size",\
                "valueId":167,"valueLabel":"XS"}]}""";
        private static final String CART = "{\"id\":\"sGfQ3aZkM5u2PmE0qL4xXn8bT1cVdR7w\",\"totalQuantity\":2,"
                + "\"discountAmount\":0,\"possibleOnepageCheckout\":true,\"items\":[" + ITEM + "," + ITEM + "]}";
        private static final String CONTEXT = """
                {"url":"https://shop.example.com/joust-duffle-bag.html","referrer":"https://www.google.com/",\
                "screenWidth":1920,"screenHeight":1080,"screenOrientation":"landscape","viewportWidth":1280,\
                "viewportHeight":720,"timezoneOffset":-60,"timezone":"Europe/Berlin"}""";
        private static final String[] EVENTS = {"page-view", "product-page-view", "add-to-cart",
            "shopping-cart-view", "open-cart"};
        private static final List<String> FPIDS = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> UUID.randomUUID().toString()).toList();

        static String fpid(long n) {
            return FPIDS.get((int) (n % FPIDS.size()));
        }

        static String body(long n) {
            return body(i -> UUID.randomUUID().toString());
        }

        /** A batch whose i-th event carries {@code eventId.apply(i)} as its eventId, and so as its XDM _id. */
        static String body(java.util.function.IntFunction<String> eventId) {
            StringBuilder body = new StringBuilder(BATCH * 3_000).append("{\"events\":[");
            String time = java.time.Instant.now().toString();
            for (int i = 0; i < BATCH; i++) {
                String name = EVENTS[i % EVENTS.length];
                body.append(i == 0 ? "" : ",").append("{\"event\":\"").append(name)
                        .append("\",\"eventInfo\":{\"storefrontInstanceContext\":").append(STOREFRONT)
                        .append(",\"pageContext\":").append(PAGE)
                        .append(",\"productContext\":").append(PRODUCT);
                if (!name.equals("page-view") && !name.equals("product-page-view")) {
                    body.append(",\"shoppingCartContext\":").append(CART)
                            .append(",\"changedProductsContext\":{\"items\":[").append(ITEM).append("]}");
                }
                body.append(",\"debugContext\":{\"eventId\":\"").append(eventId.apply(i))
                        .append("\"}},\"timestamp\":\"").append(time).append("\",\"context\":").append(CONTEXT)
                        .append('}');
            }
            return body.append("]}").toString();
        }
    }
}

package dev.ferry.bench;

import dev.ferry.core.xdm.Xdm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront side of the soak: batches of 20 ACDL page views posted to Ferry's collector on a fixed schedule
 * (open loop: a request is sent when it is due whether or not the ones before it were answered, and its latency
 * counts from when it was due, so a stall shows in the latencies instead of slowing the load). Batch {@code b}
 * carries the events {@code soak-(20b)} to {@code soak-(20b+19)}; the ids of every batch answered 202 are kept as
 * acknowledged, Ferry then owes them to AEP.
 */
final class SoakLoad {

    static final int BATCH = 20;
    private static final String ID_PREFIX = "soak-";
    /** Enough senders that a collector answering in time never leaves a due request waiting for a thread. */
    private static final int SENDERS = 32;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI collector;
    private final int requestsPerSecond;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    private final Thread scheduler;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong neverSent = new AtomicLong();
    private final BitSet acknowledged = new BitSet();
    private volatile IntervalLatencies interval = new IntervalLatencies();
    private volatile boolean running = true;

    SoakLoad(String collectorUrl, int eventsPerSecond) {
        this.collector = URI.create(collectorUrl);
        this.requestsPerSecond = Math.max(1, eventsPerSecond / BATCH);
        this.scheduler = new Thread(this::schedule, "soak-storefront-schedule");
    }

    void start() {
        scheduler.start();
    }

    /**
     * Stops the schedule and waits for the requests in flight to be answered. Requests that were due but still
     * waiting for a sender (Ferry had fallen behind) are not sent: the load is over.
     */
    void stop() throws InterruptedException {
        running = false;
        scheduler.join();
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still unanswered 2 minutes after the load stopped");
        }
    }

    int eventsPerSecond() {
        return requestsPerSecond * BATCH;
    }

    long requestsDue() {
        return due.get();
    }

    long requestsAnswered() {
        return answered.get();
    }

    /** Requests answered with anything but a 202 for the whole batch, or not answered at all. */
    long requestsRefused() {
        return refused.get();
    }

    /** Requests that were due but still waiting for a sender when the load stopped. */
    long requestsNeverSent() {
        return neverSent.get();
    }

    long eventsSent() {
        return (due.get() - neverSent.get()) * BATCH;
    }

    synchronized long eventsAcknowledged() {
        return acknowledged.cardinality();
    }

    /** A copy of the acknowledged events' numbers (the n of {@code soak-n}). */
    synchronized BitSet acknowledged() {
        return (BitSet) acknowledged.clone();
    }

    /** The latencies recorded since the last call, and a fresh interval for the next. */
    IntervalLatencies nextInterval() {
        IntervalLatencies finished = interval;
        interval = new IntervalLatencies();
        return finished;
    }

    /** The event number of a storefront {@code _id} of this load, or -1 for any other id. */
    static int eventNumber(String id) {
        if (!id.startsWith(ID_PREFIX)) {
            return -1;
        }
        return Integer.parseInt(id, ID_PREFIX.length(), id.length(), 10);
    }

    private void schedule() {
        long periodNanos = 1_000_000_000L / requestsPerSecond;
        long start = System.nanoTime();
        for (long batch = 0; running; batch++) {
            long dueAt = start + batch * periodNanos;
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            due.incrementAndGet();
            long b = batch;
            senders.execute(() -> post(b, dueAt));
        }
    }

    private void post(long batch, long dueAt) {
        if (!running) {
            neverSent.incrementAndGet();
            return;
        }
        int first = Math.toIntExact(batch * BATCH);
        String body = StorefrontCollectorBenchmark.Batches.body(i -> ID_PREFIX + (first + i));
        HttpRequest request = HttpRequest.newBuilder(collector).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Cookie", "ferry_fpid=" + StorefrontCollectorBenchmark.Batches.fpid(batch))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            interval.record((System.nanoTime() - dueAt) / 1e6);
            answered.incrementAndGet();
            if (response.statusCode() == 202
                    && Xdm.JSON.readTree(response.body()).path("accepted").asInt() == BATCH) {
                synchronized (this) {
                    acknowledged.set(first, first + BATCH);
                }
            } else {
                refused.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refused.incrementAndGet();
        } catch (Exception unanswered) {
            // Not acknowledged, so not owed; counted as refused.
            refused.incrementAndGet();
        }
    }
}

package dev.ferry.sandbox.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends profile updates to the configured HTTP destination as AEP's HTTP API destination does: one JSON profile per
 * POST, in the background so intake never waits, retried with doubling backoff (at least the destination's
 * {@code Retry-After}) while it answers 429 or 5xx or does not answer, up to {@value #MAX_ATTEMPTS} attempts. Any
 * other 4xx is final. Logs name the destination and status, never an identity.
 */
public final class DestinationPush {

    static final int MAX_ATTEMPTS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(DestinationPush.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration backoff;
    private final AtomicReference<Target> target;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    public DestinationPush(ScheduledExecutorService scheduler, Duration backoff, Target initial) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build();
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.target = new AtomicReference<>(initial);
    }

    /** Where pushes go from now on; a target without URL stops pushing. */
    public void retarget(Target next) {
        target.set(next);
    }

    public Target target() {
        return target.get();
    }

    /** Queues one profile for delivery; returns at once. */
    public void push(ObjectNode profile) {
        Target current = target.get();
        if (current.url().isEmpty()) {
            return;
        }
        byte[] body = Json.bytes(profile);
        scheduler.execute(() -> attempt(current, body, 1));
    }

    private void attempt(Target to, byte[] body, int attempt) {
        URI url = to.url().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        to.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        sent.incrementAndGet();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : 0;
            if (status >= 200 && status < 300) {
                delivered.incrementAndGet();
                return;
            }
            boolean retryable = status == 0 || status == 429 || status >= 500;
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                abandoned.incrementAndGet();
                LOG.warn("destination {} refused a profile update ({}) after {} attempt(s); dropped", url,
                        status == 0 ? failure.toString() : status, attempt);
                return;
            }
            Duration wait = waitBefore(attempt, status == 0 ? Optional.empty() : response.headers().firstValue("Retry-After"));
            retried.incrementAndGet();
            LOG.info("destination {} answered {}; attempt {} of {} in {} ms", url,
                    status == 0 ? failure.toString() : status, attempt + 1, MAX_ATTEMPTS, wait.toMillis());
            scheduler.schedule(() -> attempt(to, body, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Doubling backoff from the configured first wait, never shorter than a Retry-After given in seconds. */
    Duration waitBefore(int failedAttempts, Optional<String> retryAfter) {
        Duration doubling = backoff.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
        Duration asked = retryAfter.filter(value -> !value.isBlank() && value.strip().chars().allMatch(Character::isDigit))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(Duration.ZERO);
        return asked.compareTo(doubling) > 0 ? asked : doubling;
    }

    /** Counts for {@code GET /sandbox/destination}. */
    public ObjectNode toJson() {
        Target current = target.get();
        ObjectNode json = Json.object();
        json.put("url", current.url().map(URI::toString).orElse(null));
        json.put("token", current.token().isPresent());
        json.put("requests", sent.get()).put("delivered", delivered.get()).put("retried", retried.get())
                .put("abandoned", abandoned.get());
        return json;
    }

    /** The destination and its optional bearer token. */
    public record Target(Optional<URI> url, Optional<String> token) {
    }
}

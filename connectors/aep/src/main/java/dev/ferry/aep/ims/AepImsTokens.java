package dev.ferry.aep.ims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepRetryAfter;
import dev.ferry.aep.http.AepStatus;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth server-to-server tokens from IMS ({@code client_credentials} on {@code /ims/token/v3}), cached and renewed
 * before they expire. One instance serves every thread of a Camel context: at most one fetch runs at a time and
 * the others wait for its token instead of asking IMS themselves.
 */
public final class AepImsTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AepImsTokens.class);

    private final HttpClient client;
    private final URI tokenUri;
    private final String clientId;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private AepAccessToken current;

    public AepImsTokens(HttpClient client, String imsUrl, String clientId, String clientSecret, String scopes,
                        Duration timeout, Clock clock) {
        this.client = client;
        this.tokenUri = URI.create(stripSlash(imsUrl) + "/ims/token/v3");
        this.clientId = clientId;
        this.form = formOf(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret,
                "scope", scopes == null ? "" : scopes));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token valid for a while yet, fetching a new one when the cached one is due for renewal. */
    public synchronized AepAccessToken token() {
        if (current == null || current.renewalDue(clock.instant())) {
            current = fetch();
        }
        return current;
    }

    /**
     * Drops a token AEP refused (401), so the next call fetches a fresh one. A token that has already been replaced
     * by another thread's renewal stays replaced: many threads hitting one 401 cause one fetch.
     */
    public synchronized void invalidate(AepAccessToken refused) {
        if (current == refused) {
            current = null;
        }
    }

    private AepAccessToken fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant requestedAt = clock.instant();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DeliveryException(FailureKind.RETRYABLE, "IMS did not answer the token request: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(FailureKind.RETRYABLE, "interrupted while fetching an IMS token", null, e);
        }
        AepResponse answer = new AepResponse(response.statusCode(), response.headers(), response.body());
        if (answer.isSuccess()) {
            return tokenFrom(answer, requestedAt);
        }
        String why = "IMS refused a token for client " + clientId + " (" + answer.status() + " " + imsError(answer) + ")";
        if (AepStatus.isThrottled(answer.status())) {
            throw new DeliveryException(FailureKind.RATE_LIMITED, why,
                    AepRetryAfter.of(answer, clock.instant()).orElse(null), null);
        }
        if (AepStatus.isTransient(answer.status())) {
            throw new DeliveryException(FailureKind.RETRYABLE, why);
        }
        throw new DeliveryException(FailureKind.AUTH, why);
    }

    private AepAccessToken tokenFrom(AepResponse answer, Instant requestedAt) {
        JsonNode body = answer.json();
        String value = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (value.isEmpty() || expiresIn <= 0) {
            throw new DeliveryException(FailureKind.RETRYABLE,
                    "IMS answered the token request without access_token and expires_in");
        }
        // Counting the lifetime from the request, not the answer, errs on the side of renewing early.
        AepAccessToken token = new AepAccessToken(value, requestedAt, Duration.ofSeconds(expiresIn));
        LOG.debug("IMS token for client {} fetched, {}", clientId, token);
        return token;
    }

    /** IMS's error code and description; they name what is wrong, never the secret itself. */
    private static String imsError(AepResponse answer) {
        JsonNode body = answer.json();
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        return description.isEmpty() ? error : error + ": " + description;
    }

    private static String formOf(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package dev.ferry.aep.http;

import dev.ferry.aep.ims.AepAccessToken;
import dev.ferry.aep.ims.AepImsTokens;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one request to AEP the way every api needs it: signed with the IMS token and Adobe's headers, renewed once
 * on a 401, and tried again with backoff while AEP throttles (429, 503), fails (5xx) or does not answer. Any other
 * answer is returned for the caller to read; when the attempts run out, a {@link DeliveryException} says why and
 * how long AEP asked to wait.
 */
public final class AepHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(AepHttpClient.class);

    private final HttpClient client;
    private final AepImsTokens tokens;
    private final AepRetryPolicy retry;
    private final String apiKey;
    private final String orgId;
    private final String sandboxName;
    private final Duration requestTimeout;

    public AepHttpClient(HttpClient client, AepImsTokens tokens, AepRetryPolicy retry, String apiKey, String orgId,
                         String sandboxName, Duration requestTimeout) {
        this.client = client;
        this.tokens = tokens;
        this.retry = retry;
        this.apiKey = apiKey;
        this.orgId = orgId;
        this.sandboxName = sandboxName;
        this.requestTimeout = requestTimeout;
    }

    /** AEP's answer to the request: a 2xx or a 4xx about the payload; everything else is retried or thrown. */
    public AepResponse send(AepRequest request) {
        return send(request, retry);
    }

    /**
     * AEP's answer to a single attempt, for lookups that someone waits for: the token is still renewed once on a
     * 401, but a 429, 5xx or silence fails at once with a {@link DeliveryException} carrying AEP's Retry-After,
     * so the caller decides whether to ask again rather than a thread sleeping inside the lookup.
     */
    public AepResponse sendOnce(AepRequest request) {
        return send(request, new AepRetryPolicy(1, retry.initialBackoff(), retry.maxBackoff()));
    }

    private AepResponse send(AepRequest request, AepRetryPolicy retry) {
        boolean tokenRenewed = false;
        int failures = 0;
        while (true) {
            Failure failure;
            try {
                AepAccessToken token = tokens.token();
                AepResponse answer = exchange(request, token);
                if (answer.status() == 401 && !tokenRenewed) {
                    // The token was revoked or expired early: one fresh token, one more try, not counted.
                    LOG.info("{} answered 401; fetching a new IMS token and sending it again", request.describe());
                    tokens.invalidate(token);
                    tokenRenewed = true;
                    continue;
                }
                if (AepStatus.refusesCredentials(answer.status())) {
                    throw new DeliveryException(FailureKind.AUTH, request.describe() + " refused the credentials"
                            + (answer.status() == 401 ? " even with a fresh token" : "") + ": " + answer.reason());
                }
                if (AepStatus.isThrottled(answer.status())) {
                    failure = new Failure(FailureKind.RATE_LIMITED, answer.reason(),
                            AepRetryAfter.of(answer, Instant.now()).orElse(null));
                } else if (AepStatus.isTransient(answer.status())) {
                    failure = new Failure(FailureKind.RETRYABLE, answer.reason(),
                            AepRetryAfter.of(answer, Instant.now()).orElse(null));
                } else {
                    return answer;
                }
            } catch (HttpTimeoutException e) {
                failure = new Failure(FailureKind.RETRYABLE, "no answer within "
                        + timeoutOf(request).toMillis() + " ms", null);
            } catch (IOException e) {
                failure = new Failure(FailureKind.RETRYABLE, "no answer: " + e, null);
            } catch (DeliveryException e) {
                if (e.kind() == FailureKind.AUTH) {
                    throw e;
                }
                failure = new Failure(e.kind(), e.getMessage(), e.retryAfter().orElse(null));
            }
            failures++;
            if (failures >= retry.maxAttempts() || retry.exceedsPatience(failure.retryAfter)) {
                throw new DeliveryException(failure.kind, request.describe() + " gave up after " + failures
                        + " attempt(s): " + failure.reason, failure.retryAfter, null);
            }
            Duration wait = retry.delay(failures, failure.retryAfter);
            LOG.info("{} failed ({}); attempt {} of {} in {} ms", request.describe(), failure.reason, failures + 1,
                    retry.maxAttempts(), wait.toMillis());
            pause(wait, request);
        }
    }

    private AepResponse exchange(AepRequest request, AepAccessToken token) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(timeoutOf(request))
                .method(request.method(), request.body())
                .header("Authorization", token.authorization())
                .header("x-api-key", apiKey)
                .header("x-gw-ims-org-id", orgId)
                .header("Accept", "application/json");
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.platform()) {
            builder.header("x-sandbox-name", sandboxName);
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new AepResponse(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(FailureKind.RETRYABLE, request.describe() + " was interrupted", null, e);
        }
    }

    private Duration timeoutOf(AepRequest request) {
        return request.timeout() != null ? request.timeout() : requestTimeout;
    }

    private static void pause(Duration wait, AepRequest request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(FailureKind.RETRYABLE, request.describe()
                    + " was interrupted while waiting to try again", null, e);
        }
    }

    private record Failure(FailureKind kind, String reason, Duration retryAfter) {
    }
}

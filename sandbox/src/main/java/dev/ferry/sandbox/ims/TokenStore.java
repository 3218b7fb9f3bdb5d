package dev.ferry.sandbox.ims;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens the sandbox's IMS has issued: random opaque strings, each with an expiry.
 *
 * <p>Expired tokens are remembered for a while so that a client presenting one is told it expired rather than
 * that it never existed; older ones are purged as new tokens are issued, which keeps the store small.
 */
public final class TokenStore {

    /** Purge expired tokens once this many are held; a client normally holds one at a time. */
    private static final int PURGE_THRESHOLD = 1_000;

    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public TokenStore(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public IssuedToken issue() {
        if (expiries.size() >= PURGE_THRESHOLD) {
            Instant now = clock.instant();
            expiries.values().removeIf(expiry -> expiry.isBefore(now));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, clock.instant().plus(ttl));
        return new IssuedToken(token, ttl);
    }

    public TokenStatus check(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return TokenStatus.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? TokenStatus.VALID : TokenStatus.EXPIRED;
    }

    /** The tokens issued and still held (neither purged nor revoked), for a test that looks for them in logs. */
    public Set<String> held() {
        return Set.copyOf(expiries.keySet());
    }

    /** Forgets every token, as if an administrator had revoked the integration's tokens. */
    public void revokeAll() {
        expiries.clear();
    }

    /**
     * @param accessToken the bearer token
     * @param expiresIn   its lifetime from now
     */
    public record IssuedToken(String accessToken, Duration expiresIn) {
    }

    /** What a presented token turned out to be. */
    public enum TokenStatus {
        VALID,
        /** Never issued, or revoked. */
        UNKNOWN,
        EXPIRED
    }
}

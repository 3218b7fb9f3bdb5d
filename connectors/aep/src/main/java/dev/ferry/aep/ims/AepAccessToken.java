package dev.ferry.aep.ims;

import java.time.Duration;
import java.time.Instant;

/**
 * An IMS access token and its lifetime. Its text never appears in {@link #toString()}, so a token cannot leak
 * into a log line or an exception message by accident.
 */
public final class AepAccessToken {

    /** IMS tokens live 24 hours; renewing in their last 5 minutes leaves room for slow calls and clock skew. */
    private static final Duration MAX_RENEWAL_MARGIN = Duration.ofMinutes(5);

    private final String value;
    private final Instant expiresAt;
    private final Duration renewalMargin;

    public AepAccessToken(String value, Instant issuedAt, Duration lifetime) {
        this.value = value;
        this.expiresAt = issuedAt.plus(lifetime);
        // Short-lived tokens renew in their last tenth instead, so they are not renewed on every call.
        Duration tenth = lifetime.dividedBy(10);
        this.renewalMargin = tenth.compareTo(MAX_RENEWAL_MARGIN) < 0 ? tenth : MAX_RENEWAL_MARGIN;
    }

    /** The value of the Authorization header. */
    public String authorization() {
        return "Bearer " + value;
    }

    /** Whether to fetch a new token before using this one. */
    public boolean renewalDue(Instant now) {
        return !now.isBefore(expiresAt.minus(renewalMargin));
    }

    @Override
    public String toString() {
        return "AepAccessToken[expires " + expiresAt + "]";
    }
}

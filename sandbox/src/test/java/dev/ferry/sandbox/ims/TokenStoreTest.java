package dev.ferry.sandbox.ims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.MutableClock;
import dev.ferry.sandbox.ims.TokenStore.IssuedToken;
import dev.ferry.sandbox.ims.TokenStore.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
    private final TokenStore tokens = new TokenStore(clock, Duration.ofMinutes(5));

    @Test
    void issuesDistinctOpaqueTokensValidForTheirLifetime() {
        IssuedToken first = tokens.issue();
        IssuedToken second = tokens.issue();

        assertThat(first.accessToken()).isNotEqualTo(second.accessToken()).hasSizeGreaterThan(30);
        assertThat(first.expiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(tokens.check(first.accessToken())).isEqualTo(TokenStatus.VALID);
    }

    @Test
    void reportsATokenPastItsLifetimeAsExpired() {
        String token = tokens.issue().accessToken();

        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.check(token)).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void reportsUnknownAndRevokedTokensAsUnknown() {
        String token = tokens.issue().accessToken();

        tokens.revokeAll();

        assertThat(tokens.check(token)).isEqualTo(TokenStatus.UNKNOWN);
        assertThat(tokens.check("made-up")).isEqualTo(TokenStatus.UNKNOWN);
        assertThat(tokens.check(null)).isEqualTo(TokenStatus.UNKNOWN);
    }
}

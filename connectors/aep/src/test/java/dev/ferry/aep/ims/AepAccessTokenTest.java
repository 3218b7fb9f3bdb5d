package dev.ferry.aep.ims;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AepAccessTokenTest {

    private static final Instant ISSUED = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aDayLongTokenIsRenewedInItsLastFiveMinutes() {
        AepAccessToken token = new AepAccessToken("secret-token", ISSUED, Duration.ofHours(24));

        assertThat(token.renewalDue(ISSUED.plus(Duration.ofHours(23).plusMinutes(54)))).isFalse();
        assertThat(token.renewalDue(ISSUED.plus(Duration.ofHours(23).plusMinutes(55)))).isTrue();
    }

    @Test
    void aShortLivedTokenIsRenewedInItsLastTenth() {
        AepAccessToken token = new AepAccessToken("secret-token", ISSUED, Duration.ofSeconds(100));

        assertThat(token.renewalDue(ISSUED.plusSeconds(89))).isFalse();
        assertThat(token.renewalDue(ISSUED.plusSeconds(90))).isTrue();
    }

    @Test
    void theTokenIsSentAsBearerButNeverPrinted() {
        AepAccessToken token = new AepAccessToken("secret-token", ISSUED, Duration.ofHours(24));

        assertThat(token.authorization()).isEqualTo("Bearer secret-token");
        assertThat(token.toString()).doesNotContain("secret-token").contains("2025-03-02T10:00:00Z");
    }
}

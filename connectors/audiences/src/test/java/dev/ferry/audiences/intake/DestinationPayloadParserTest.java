package dev.ferry.audiences.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.store.MembershipStatus;
import dev.ferry.core.identity.Identities;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationPayloadParserTest {

    private final DestinationPayloadParser parser = new DestinationPayloadParser("commerceCustomerId");

    /** The shape of Adobe's documented HTTP API destination export, with a raw email and an unused namespace. */
    private static final String AEP_PROFILE = """
            {
              "person": {"email": "yourstruly@adobe.com"},
              "segmentMembership": {"ups": {
                "72ddd79b-6b0a-4e97-a8d2-112ccd81bd02": {"lastQualificationTime": "2022-01-11T21:24:39Z",
                                                          "status": "exited"},
                "7841ba61-23c1-4bb3-a495-00d695fe1e93": {"lastQualificationTime": "2022-01-02T23:37:33.123+01:00",
                                                          "status": "realized"}}},
              "identityMap": {
                "ecid": [{"id": "14575006536349286404619648085736425115"}],
                "email": [{"id": "YoursTruly@Adobe.com "}],
                "phone_sha256": [{"id": "abc"}],
                "commercecustomerid": [{"id": "17"}]
              }
            }""";

    @Test
    void readsAdobesDestinationProfileAndHashesARawEmailAtOnce() {
        List<DestinationProfile> profiles = parser.parse(AEP_PROFILE.getBytes(StandardCharsets.UTF_8));

        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0).identities()).containsExactly(
                AudienceIdentity.ecid("14575006536349286404619648085736425115"),
                AudienceIdentity.emailSha256(Identities.emailSha256("yourstruly@adobe.com")),
                AudienceIdentity.customer(17));
        assertThat(profiles.get(0).memberships()).containsExactly(
                new SegmentMembership("72ddd79b-6b0a-4e97-a8d2-112ccd81bd02", MembershipStatus.EXITED,
                        Instant.parse("2022-01-11T21:24:39Z")),
                new SegmentMembership("7841ba61-23c1-4bb3-a495-00d695fe1e93", MembershipStatus.REALIZED,
                        Instant.parse("2022-01-02T22:37:33.123Z")));
    }

    @Test
    void anArrayOfProfilesIsReadInOrder() {
        List<DestinationProfile> profiles = parser.parse(("[" + AEP_PROFILE + "," + AEP_PROFILE + "]")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(profiles).hasSize(2);
    }

    @Test
    void tooDeepJsonIsRefusedWithTheReason() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DestinationRejection.class, r -> assertThat(r.status()).isEqualTo(400))
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aCustomerIdThatIsNoNumberIsRefused() {
        String profile = AEP_PROFILE.replace("\"17\"", "\"seventeen\"");

        assertThatThrownBy(() -> parser.parse(profile.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("identityMap.commercecustomerid must hold Commerce customer ids");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessageContaining("empty");
    }
}

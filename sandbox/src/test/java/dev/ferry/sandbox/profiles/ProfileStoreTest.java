package dev.ferry.sandbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.segmentation.Memberships.Identity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {

    private static final ProfileEvent VIEW = new ProfileEvent("commerce.productViews", Instant.EPOCH, null);
    private final ProfileStore store = new ProfileStore();

    @Test
    void identitiesSeenInOneEventBelongToOneProfile() {
        Profile profile = store.record(List.of(new Identity("ECID", "e1"), new Identity("Email_LC_SHA256", "h1")), VIEW);

        assertThat(store.find(List.of(new Identity("email_lc_sha256", "h1")))).containsSame(profile);
        assertThat(store.find(List.of(new Identity("ECID", "e1")))).containsSame(profile);
        assertThat(store.find(List.of(new Identity("ECID", "other")))).isEmpty();
    }

    @Test
    void anEventNamingTwoKnownProfilesMergesThemWithTheirEvents() {
        store.record(List.of(new Identity("FPID", "guest")), VIEW);
        store.record(List.of(new Identity("commerceCustomerId", "42")), VIEW);

        Profile merged = store.record(List.of(new Identity("FPID", "guest"), new Identity("commerceCustomerId", "42")), VIEW);

        assertThat(store.all()).containsExactly(merged);
        assertThat(merged.identities()).containsExactlyInAnyOrder(new Identity("FPID", "guest"),
                new Identity("commerceCustomerId", "42"));
        assertThat(merged.events()).hasSize(3);
    }

    @Test
    void aProfileKnowsItsNewestEventTimeThroughMergesAndDroppedEvents() {
        Instant newest = Instant.EPOCH.plusSeconds(60);
        ProfileEvent laterView = new ProfileEvent("commerce.productViews", newest, null);
        store.record(List.of(new Identity("FPID", "guest")), VIEW);
        store.record(List.of(new Identity("commerceCustomerId", "42")), laterView);

        Profile merged = store.record(List.of(new Identity("FPID", "guest"), new Identity("commerceCustomerId", "42")),
                VIEW);
        for (int i = 0; i < Profile.MAX_EVENTS; i++) {
            store.record(List.of(new Identity("FPID", "guest")), VIEW);
        }

        assertThat(merged.events()).allMatch(event -> event.timestamp().equals(Instant.EPOCH));
        assertThat(merged.newestEventTime()).isEqualTo(newest);
        assertThat(new Profile().newestEventTime()).isEqualTo(Instant.MIN);
    }
}

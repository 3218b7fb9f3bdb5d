package dev.ferry.audiences.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipCacheTest {

    private static final AudienceIdentity CUSTOMER = AudienceIdentity.customer(17);
    private static final AudienceIdentity HASH = AudienceIdentity.emailSha256("a".repeat(64));
    private static final AudienceIdentity FPID = AudienceIdentity.fpid("0d1a5e3b-7c6f-4b1e-9a8d-2f3c4b5a6d7e");
    private static final Membership VIP = new Membership(List.of(new AudienceRef("aud-vip", "VIP")));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final MembershipCache cache = new MembershipCache(Duration.ofSeconds(5), 3, clock);

    @Test
    void anAnswerIsServedUntilItsTtlEnds() {
        cache.put(CUSTOMER, VIP, Set.of(HASH), cache.generation());

        clock.advance(Duration.ofMillis(4999));
        assertThat(cache.get(CUSTOMER)).contains(VIP);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(CUSTOMER)).isEmpty();
    }

    @Test
    void aChangeToAnIdentityTheAnswerDependsOnForgetsIt() {
        cache.put(CUSTOMER, VIP, Set.of(HASH), cache.generation());
        cache.put(FPID, VIP, Set.of(), cache.generation());

        cache.forget(Set.of(HASH));

        assertThat(cache.get(CUSTOMER)).isEmpty();
        assertThat(cache.get(FPID)).contains(VIP);
    }

    @Test
    void aChangeToTheAskedIdentityItselfForgetsItsAnswer() {
        cache.put(FPID, VIP, Set.of(), cache.generation());

        cache.forget(Set.of(FPID));

        assertThat(cache.get(FPID)).isEmpty();
    }

    @Test
    void anAnswerReadWhileAnythingChangedIsNotKept() {
        long readAt = cache.generation();
        cache.forget(Set.of(AudienceIdentity.ecid("unrelated")));

        cache.put(CUSTOMER, VIP, Set.of(HASH), readAt);

        assertThat(cache.get(CUSTOMER)).isEmpty();
    }

    @Test
    void aForgottenAnswerCachedAgainIsForgottenByItsNewDependenciesOnly() {
        cache.put(CUSTOMER, VIP, Set.of(HASH), cache.generation());
        cache.forget(Set.of(HASH));
        AudienceIdentity newHash = AudienceIdentity.emailSha256("b".repeat(64));
        cache.put(CUSTOMER, Membership.none(), Set.of(newHash), cache.generation());

        cache.forget(Set.of(HASH));
        assertThat(cache.get(CUSTOMER)).contains(Membership.none());
        cache.forget(Set.of(newHash));
        assertThat(cache.get(CUSTOMER)).isEmpty();
    }

    @Test
    void clearForgetsEveryAnswerAndAnyReadInFlight() {
        long readAt = cache.generation();
        cache.put(CUSTOMER, VIP, Set.of(), readAt);
        cache.put(FPID, VIP, Set.of(), readAt);

        cache.clear();
        cache.put(HASH, VIP, Set.of(), readAt);

        assertThat(cache.get(CUSTOMER)).isEmpty();
        assertThat(cache.get(FPID)).isEmpty();
        assertThat(cache.get(HASH)).isEmpty();
    }

    @Test
    void beyondTheLimitTheOldestAnswerGoesFirst() {
        AudienceIdentity ecid = AudienceIdentity.ecid("4");
        cache.put(CUSTOMER, VIP, Set.of(), cache.generation());
        clock.advance(Duration.ofMillis(1));
        cache.put(HASH, VIP, Set.of(), cache.generation());
        cache.put(FPID, VIP, Set.of(), cache.generation());

        cache.put(ecid, VIP, Set.of(), cache.generation());

        assertThat(cache.get(CUSTOMER)).isEmpty();
        assertThat(cache.get(HASH)).contains(VIP);
        assertThat(cache.get(FPID)).contains(VIP);
        assertThat(cache.get(ecid)).contains(VIP);
    }

    @Test
    void aZeroTtlKeepsNothing() {
        MembershipCache off = new MembershipCache(Duration.ZERO, 3, clock);

        off.put(CUSTOMER, VIP, Set.of(), off.generation());

        assertThat(off.get(CUSTOMER)).isEmpty();
    }
}

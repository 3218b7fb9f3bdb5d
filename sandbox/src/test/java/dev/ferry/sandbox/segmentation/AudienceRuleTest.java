package dev.ferry.sandbox.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sandbox.profiles.ProfileEvent;
import dev.ferry.sandbox.web.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceRuleTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private final AudienceRule bigPurchase = AudienceRule.purchaseOfAtLeast(100, Duration.ofDays(30));
    private final AudienceRule cartAbandon = AudienceRule.cartAddWithoutPurchase(Duration.ofHours(1));

    @Test
    void aPurchaseOfAtLeastTheTotalQualifiesForThirtyDaysWhateverPathItCameBy() {
        List<ProfileEvent> storefront = List.of(new ProfileEvent("commerce.purchases", T, 100.0));
        List<ProfileEvent> backOffice = List.of(new ProfileEvent("commerce.backofficeOrderPlaced", T, 250.0));

        assertThat(bigPurchase.qualifies(storefront, T)).isTrue();
        assertThat(bigPurchase.qualifies(backOffice, T.plus(Duration.ofDays(29)))).isTrue();
        assertThat(bigPurchase.qualifies(backOffice, T.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void aProfileCanQualifyOnlyWhileItsNewestEventIsInsideTheWindow() {
        assertThat(bigPurchase.canQualify(T, T.plus(Duration.ofDays(29)))).isTrue();
        assertThat(bigPurchase.canQualify(T, T.plus(Duration.ofDays(30)))).isFalse();
        assertThat(cartAbandon.canQualify(T, T.plus(Duration.ofHours(1)))).isFalse();
        assertThat(cartAbandon.canQualify(Instant.MIN, T)).isFalse();
    }

    @Test
    void aSmallerPurchaseOrOneWithoutTotalDoesNotQualify() {
        assertThat(bigPurchase.qualifies(List.of(new ProfileEvent("commerce.purchases", T, 99.99)), T)).isFalse();
        assertThat(bigPurchase.qualifies(List.of(new ProfileEvent("commerce.purchases", T, null)), T)).isFalse();
    }

    @Test
    void aCartAddQualifiesUntilAPurchaseFollowsOrAnHourPasses() {
        ProfileEvent add = new ProfileEvent("commerce.productListAdds", T, null);
        ProfileEvent purchase = new ProfileEvent("commerce.purchases", T.plusSeconds(600), 20.0);

        assertThat(cartAbandon.qualifies(List.of(add), T.plusSeconds(60))).isTrue();
        assertThat(cartAbandon.qualifies(List.of(add, purchase), T.plusSeconds(600))).isFalse();
        assertThat(cartAbandon.qualifies(List.of(add), T.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void aPurchaseBeforeTheCartAddDoesNotCancelIt() {
        List<ProfileEvent> events = List.of(new ProfileEvent("commerce.purchases", T, 20.0),
                new ProfileEvent("commerce.productListAdds", T.plusSeconds(60), null));

        assertThat(cartAbandon.qualifies(events, T.plusSeconds(120))).isTrue();
    }

    @Test
    void aPurchaseAtTheSameInstantCancelsTheCartAddButOneStillToComeDoesNot() {
        ProfileEvent add = new ProfileEvent("commerce.productListAdds", T, null);

        assertThat(cartAbandon.qualifies(List.of(add, new ProfileEvent("commerce.purchases", T, 20.0)), T.plusSeconds(60)))
                .isFalse();
        assertThat(cartAbandon.qualifies(List.of(add, new ProfileEvent("commerce.purchases", T.plusSeconds(120), 20.0)),
                T.plusSeconds(60))).isTrue();
    }

    @Test
    void onlyCartAddsAfterTheLastPurchaseCount() {
        AudienceRule twoAdds = new AudienceRule(Set.of("commerce.productListAdds"), null, 2, Duration.ofHours(1),
                Set.copyOf(AudienceRule.PURCHASES));
        ProfileEvent addBefore = new ProfileEvent("commerce.productListAdds", T, null);
        ProfileEvent purchase = new ProfileEvent("commerce.backofficeOrderPlaced", T.plusSeconds(60), 20.0);
        ProfileEvent addAfter = new ProfileEvent("commerce.productListAdds", T.plusSeconds(120), null);

        assertThat(twoAdds.qualifies(List.of(addBefore, purchase, addAfter), T.plusSeconds(180))).isFalse();
        assertThat(twoAdds.qualifies(List.of(addBefore, purchase, addAfter, addAfter), T.plusSeconds(180))).isTrue();
    }

    @Test
    void minCountNeedsThatManyMatchingEvents() {
        AudienceRule frequent = new AudienceRule(Set.of("commerce.productViews"), null, 3,
                Duration.ofDays(7), Set.of());
        ProfileEvent view = new ProfileEvent("commerce.productViews", T, null);

        assertThat(frequent.qualifies(List.of(view, view), T)).isFalse();
        assertThat(frequent.qualifies(List.of(view, view, view), T)).isTrue();
    }

    @Test
    void aRuleReadFromJsonWritesBackTheSame() {
        AudienceRule rule = AudienceRule.fromJson(Json.parse("""
                {"eventTypes":["commerce.productListAdds"],"within":"PT1H","unlessFollowedBy":["commerce.purchases"]}
                """).orElseThrow());

        assertThat(rule.minCount()).isEqualTo(1);
        assertThat(rule.minPriceTotal()).isNull();
        assertThat(AudienceRule.fromJson(rule.toJson())).isEqualTo(rule);
    }

    @Test
    void aWrongRuleFailsWithOneLineNamingTheField() {
        assertThatThrownBy(() -> AudienceRule.fromJson(Json.parse("{\"eventTypes\":[\"x\"],\"within\":\"1h\"}").orElseThrow()))
                .hasMessage("within must be an ISO-8601 duration such as PT1H or P30D");
        assertThatThrownBy(() -> AudienceRule.fromJson(Json.parse("{\"within\":\"PT1H\"}").orElseThrow()))
                .hasMessage("a rule needs at least one event type");
        assertThatThrownBy(() -> AudienceRule.fromJson(
                Json.parse("{\"eventTypes\":[\"x\"],\"within\":\"PT1H\",\"minPriceTotal\":\"100\"}").orElseThrow()))
                .hasMessage("minPriceTotal must be a number");
    }
}

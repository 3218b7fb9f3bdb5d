package dev.ferry.aep.activation;

import dev.ferry.aep.AepTesting;
import dev.ferry.core.audience.ShopperIdentity;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.xdm.AuthenticatedState;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.ferry.aep.AepTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AepActivationIT {

    private static AepSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @Test
    void theRealizedAudiencesOfTheShoppersIdentityComeBackAsIds() throws Exception {
        AepTesting.putToSandbox(sandbox, "/sandbox/memberships/ECID/ecid-1", "[\"aud-a\",\"aud-b\"]");

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            assertThat(lookUp(context, new ShopperIdentity("ECID", "ecid-1"))).containsExactly("aud-a", "aud-b");
        }
    }

    @Test
    void aBigPurchaseDeliveredThroughEdgeQualifiesTheShopperForTheSandboxesVipAudience() throws Exception {
        String email = Identities.emailSha256("big.spender@example.com");
        XdmEvent purchase = XdmEvent.create(EventIds.deterministic("activation-it", email), Instant.now(),
                        "commerce.purchases")
                .measure("commerce.purchases")
                .identity(Identities.EMAIL_LC_SHA256, email, true, AuthenticatedState.AUTHENTICATED)
                .identity(Identities.ECID, "ecid-big-spender", false, AuthenticatedState.AMBIGUOUS)
                .set("commerce.order.priceTotal", 180.0)
                .set("commerce.order.currencyCode", "USD");
        try (CamelContext edge = AepTesting.context(AepTesting.component(sandbox), "aep:edge")) {
            assertThat(AepTesting.send(edge, List.of(purchase.toOutbound())).deliveredIds()).hasSize(1);
        }

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            assertThat(lookUp(context, new ShopperIdentity("ECID", "ecid-big-spender")))
                    .containsExactly(AudienceCatalog.SAMPLES.get(0).id());
        }
    }

    @Test
    void aShopperEdgeDoesNotKnowHasNoAudiences() throws Exception {
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            assertThat(lookUp(context, new ShopperIdentity("FPID", "0b7e2a52-9c1f-4c41-8f0e-3d5b9a1c2e7f"))).isEmpty();
        }
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndTheLookupAnswered() throws Exception {
        AepTesting.putToSandbox(sandbox, "/sandbox/memberships/commerceCustomerId/42", "[\"aud-vip\"]");

        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            lookUp(context, new ShopperIdentity("commerceCustomerId", "42"));
            long tokensBefore = requests(sandbox, "ims.token");
            sandbox.revokeTokens();

            assertThat(lookUp(context, new ShopperIdentity("commerceCustomerId", "42"))).containsExactly("aud-vip");
            assertThat(requests(sandbox, "ims.token")).isEqualTo(tokensBefore + 1);
        }
    }

    @Test
    void aThrottledLookupFailsAtOnceWithEdgesRetryAfter() throws Exception {
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            lookUp(context, new ShopperIdentity("ECID", "warm-up"));
            sandbox.faults().apply(FaultSettings.builder().rateLimitEvery(1).retryAfterSeconds(7).build());
            long interactsBefore = requests(sandbox, "edge.interact");

            assertThatThrownBy(() -> lookUp(context, new ShopperIdentity("ECID", "ecid-1")))
                    .isInstanceOf(CamelExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).startsWith("aep:activation could not look up the ECID identity's audiences")
                                .contains("429");
                    });
            assertThat(requests(sandbox, "edge.interact") - interactsBefore).isEqualTo(1);
        }
    }

    @Test
    void aBodyThatIsNotAShopperIdentityFailsNamingWhatItNeeds() throws Exception {
        try (CamelContext context = AepTesting.context(AepTesting.component(sandbox), "aep:activation")) {
            assertThatThrownBy(() -> context.createProducerTemplate().requestBody("direct:send", "ecid-1"))
                    .cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("aep:activation needs a ShopperIdentity body, not java.lang.String");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> lookUp(CamelContext context, ShopperIdentity identity) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.requestBody("direct:send", identity, List.class);
    }
}

package dev.ferry.aep.ims;

import dev.ferry.aep.AepComponent;
import dev.ferry.aep.AepRecordingProxy;
import dev.ferry.aep.AepTesting;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ferry.aep.AepTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AepTokenIT {

    @Test
    void oneTokenServesEveryEndpointOfTheContextUntilItIsDue() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(AepTesting.SANDBOX);
             CamelContext context = twoRoutes(AepTesting.component(sandbox))) {
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < 5; i++) {
                template.requestBody("direct:edge", AepTesting.validEvents("token-cache-e" + i, 10));
                template.requestBody("direct:streaming", AepTesting.validEvents("token-cache-s" + i, 10));
            }

            assertThat(requests(sandbox, "ims.token")).isEqualTo(1);
            assertThat(requests(sandbox, "edge.collect")).isEqualTo(5);
            assertThat(requests(sandbox, "streaming.batch")).isEqualTo(5);
        }
    }

    @Test
    void aTokenRevokedWhileAnExchangeIsUnderWayIsRenewedOnceAndEveryEventIsDeliveredOnce() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(AepTesting.SANDBOX)) {
            AepComponent aep = AepTesting.component(sandbox);
            try (CamelContext context = twoRoutes(aep)) {
                sandbox.faults().apply(FaultSettings.builder().latencyMs(100).build());
                List<OutboundEvent> events = AepTesting.validEvents("token-revoke", 200);

                CompletableFuture<DeliveryReport> sending = context.createProducerTemplate()
                        .asyncRequestBody("direct:small-requests", events, DeliveryReport.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> requests(sandbox, "streaming.batch") >= 2);
                sandbox.revokeTokens();
                long sentBeforeRevocation = requests(sandbox, "streaming.batch");
                DeliveryReport report = sending.get(30, TimeUnit.SECONDS);

                assertThat(requests(sandbox, "streaming.batch")).isGreaterThan(sentBeforeRevocation);
                assertThat(report.deliveredIds()).hasSize(200);
                assertThat(report.deferral()).isEmpty();
                assertThat(requests(sandbox, "ims.token")).isEqualTo(2);
                assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
            } finally {
                sandbox.faults().clear();
            }
        }
    }

    @Test
    void aShortLivedTokenIsRenewedBeforeItExpiresSoAepNeverRefusesIt() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(AepTesting.SANDBOX.toBuilder().tokenTtl(Duration.ofSeconds(2)).build());
             AepRecordingProxy proxy = AepRecordingProxy.inFrontOf(sandbox.baseUrl())) {
            AepComponent aep = AepTesting.component(sandbox);
            aep.setStreamingUrl(proxy.baseUrl());
            try (CamelContext context = twoRoutes(aep)) {
                ProducerTemplate template = context.createProducerTemplate();
                template.requestBody("direct:streaming", AepTesting.validEvents("token-ttl-1", 5));
                Thread.sleep(2_100);
                DeliveryReport report = template.requestBody("direct:streaming",
                        AepTesting.validEvents("token-ttl-2", 5), DeliveryReport.class);

                assertThat(report.deliveredIds()).hasSize(5);
                assertThat(requests(sandbox, "ims.token")).isEqualTo(2);
                assertThat(proxy.calls()).noneMatch(call -> call.status() == 401);
            }
        }
    }

    @Test
    void refusedClientCredentialsDeferTheEventsAsAuthWithoutShowingTheSecret() throws Exception {
        try (AepSandbox sandbox = AepSandbox.start(AepTesting.SANDBOX)) {
            AepComponent aep = AepTesting.component(sandbox);
            aep.setClientSecret("not-the-secret-4711");
            try (CamelContext context = twoRoutes(aep)) {
                DeliveryReport report = context.createProducerTemplate().requestBody("direct:edge",
                        AepTesting.validEvents("token-refused", 5), DeliveryReport.class);

                assertThat(report.deliveredIds()).isEmpty();
                assertThat(report.rejections()).isEmpty();
                assertThat(report.deferral()).hasValueSatisfying(deferral -> {
                    assertThat(deferral.kind()).isEqualTo(FailureKind.AUTH);
                    assertThat(deferral.getMessage()).contains("invalid_client", AepTesting.SANDBOX.clientId())
                            .doesNotContain("not-the-secret-4711");
                });
                assertThat(requests(sandbox, "ims.token")).isEqualTo(1);
                assertThat(requests(sandbox, "edge.collect")).isZero();
            }
        }
    }

    private static CamelContext twoRoutes(AepComponent aep) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("aep", aep);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:edge").to("aep:edge");
                from("direct:streaming").to("aep:streaming");
                from("direct:small-requests").to("aep:streaming?maxRequestBytes=20000");
            }
        });
        context.start();
        return context;
    }
}

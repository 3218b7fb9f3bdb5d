package dev.ferry.aep;

import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.FaultSettings;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the producers cope with an AEP that throttles and fails, seen on the wire through a recording proxy. */
class AepRetryIT {

    private static AepSandbox sandbox;
    private AepRecordingProxy proxy;

    @BeforeAll
    static void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = AepRecordingProxy.inFrontOf(sandbox.baseUrl());
    }

    @AfterEach
    void stopProxyAndFaults() {
        proxy.close();
        sandbox.faults().clear();
    }

    @Test
    void afterTheFirstRequestsFailWith503EveryEventIsDeliveredOnce() throws Exception {
        sandbox.faults().apply(FaultSettings.builder().failFirst(3).failStatus(503).build());
        List<OutboundEvent> events = AepTesting.validEvents("retry-503", 200);

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(throughProxy(), "aep:streaming?maxRequestBytes=50000")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.deliveredIds()).hasSize(200);
        assertThat(report.deferral()).isEmpty();
        assertThat(proxy.calls()).filteredOn(call -> call.status() == 503).hasSize(3);
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
    }

    @Test
    void whenEveryThirdRequestIsThrottledAllEventsArriveAndNoRetryComesBeforeItsRetryAfter() throws Exception {
        sandbox.faults().apply(FaultSettings.builder().rateLimitEvery(3).retryAfterSeconds(1).build());
        List<OutboundEvent> events = AepTesting.validEvents("retry-429", 120);

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(throughProxy(), "aep:edge?maxRequestBytes=8000")) {
            report = AepTesting.send(context, events);
        }

        assertThat(report.deliveredIds()).hasSize(120);
        assertThat(report.deferral()).isEmpty();
        assertThat(events).allSatisfy(event -> assertThat(sandbox.events().countById(event.id())).isEqualTo(1));
        List<AepRecordingProxy.Call> calls = proxy.calls();
        assertThat(calls).filteredOn(call -> call.status() == 429).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < calls.size() - 1; i++) {
            AepRecordingProxy.Call call = calls.get(i);
            if (call.status() == 429) {
                assertThat(call.retryAfter()).contains("1");
                assertThat(Duration.between(call.answered(), calls.get(i + 1).arrived()))
                        .as("wait after the 429 of call %d", i)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffIsNotWaitedOutButHandedBackWithTheDelay() throws Exception {
        sandbox.faults().apply(FaultSettings.builder().down(true).retryAfterSeconds(120).build());
        long started = System.nanoTime();

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(throughProxy(), "aep:streaming")) {
            report = AepTesting.send(context, AepTesting.validEvents("retry-long", 20));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(proxy.calls()).hasSize(1);
        assertThat(report.deliveredIds()).isEmpty();
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(deferral.retryAfter()).contains(Duration.ofSeconds(120));
        });
    }

    @Test
    void whenAttemptsRunOutNoFurtherRequestIsSentAndOnlyTheUnsentEventsAreDeferred() throws Exception {
        sandbox.faults().apply(FaultSettings.builder().rateLimitEvery(2).retryAfterSeconds(1).build());
        AepComponent aep = throughProxy();
        aep.setMaxAttempts(1);
        List<OutboundEvent> events = AepTesting.validEvents("retry-exhausted", 100);

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(aep, "aep:edge?maxRequestBytes=8000")) {
            report = AepTesting.send(context, events);
        }

        assertThat(proxy.calls()).extracting(AepRecordingProxy.Call::status).containsExactly(204, 429);
        assertThat(report.deliveredIds()).isNotEmpty()
                .containsExactlyElementsOf(events.subList(0, report.deliveredIds().size()).stream()
                        .map(OutboundEvent::id).toList());
        assertThat(report.deliveredIds()).hasSizeLessThan(100);
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(deferral.retryAfter()).contains(Duration.ofSeconds(1));
        });
    }

    @Test
    void anAepThatStaysDownIsTriedMaxAttemptsTimesThenTheEventsAreDeferred() throws Exception {
        sandbox.faults().apply(FaultSettings.builder().down(true).build());
        AepComponent aep = throughProxy();
        aep.setMaxAttempts(3);

        DeliveryReport report;
        try (CamelContext context = AepTesting.context(aep, "aep:streaming")) {
            report = AepTesting.send(context, AepTesting.validEvents("retry-down", 10));
        }

        assertThat(proxy.calls()).hasSize(3).allMatch(call -> call.status() == 503);
        assertThat(report.deliveredIds()).isEmpty();
        assertThat(report.rejections()).isEmpty();
        assertThat(report.deferral()).hasValueSatisfying(deferral -> {
            assertThat(deferral.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(deferral.getMessage()).contains("gave up after 3 attempt(s)");
        });
    }

    /** IMS straight to the sandbox; the data APIs through the proxy. */
    private AepComponent throughProxy() {
        AepComponent aep = AepTesting.component(sandbox);
        aep.setEdgeUrl(proxy.baseUrl());
        aep.setStreamingUrl(proxy.baseUrl());
        aep.setPlatformUrl(proxy.baseUrl());
        return aep;
    }
}

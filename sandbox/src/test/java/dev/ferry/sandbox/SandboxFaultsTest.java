package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sandbox.faults.FaultDecision;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxFaultsTest {

    @Test
    void servesEveryRequestWhenNoFaultIsSet() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.none());

        assertThat(statuses(faults, 5)).containsOnly(0);
    }

    @Test
    void failsTheFirstNRequestsWithTheFailStatusAndRetryAfter() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.builder().failFirst(2).retryAfterSeconds(3).build());

        FaultDecision first = faults.decide("streaming");
        assertThat(first.failStatus()).isEqualTo(503);
        assertThat(first.retryAfterSeconds()).isEqualTo(3);
        assertThat(faults.decide("streaming").failStatus()).isEqualTo(503);
        assertThat(faults.decide("streaming").fails()).isFalse();
    }

    @Test
    void sendsNoRetryAfterWithAFailStatusOtherThan429Or503() {
        SandboxFaults faults = new SandboxFaults(
                FaultSettings.builder().failFirst(1).failStatus(500).retryAfterSeconds(3).build());

        FaultDecision decision = faults.decide("streaming");

        assertThat(decision.failStatus()).isEqualTo(500);
        assertThat(decision.retryAfterSeconds()).isZero();
    }

    @Test
    void rateLimitsEveryKthRequestWith429() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.builder().rateLimitEvery(3).retryAfterSeconds(1).build());

        assertThat(statuses(faults, 7)).containsExactly(0, 0, 429, 0, 0, 429, 0);
    }

    @Test
    void failsEverythingWith503WhileDown() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.builder().down(true).build());

        assertThat(statuses(faults, 4)).containsOnly(503);
    }

    @Test
    void applyingNewSettingsRestartsTheRequestCount() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.builder().failFirst(1).build());
        faults.decide("streaming");

        faults.apply(FaultSettings.builder().failFirst(1).build());

        assertThat(faults.decide("streaming").fails()).isTrue();
    }

    @Test
    void clearRemovesEveryFaultButLatencyIsCarriedWhileSet() {
        SandboxFaults faults = new SandboxFaults(FaultSettings.builder().latencyMs(25).build());
        assertThat(faults.decide("streaming").latencyMs()).isEqualTo(25);

        faults.clear();

        assertThat(faults.current()).isEqualTo(FaultSettings.none());
        assertThat(faults.decide("streaming")).isEqualTo(new FaultDecision(0, 0, 0));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> FaultSettings.builder().failStatus(200).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failStatus");
        assertThatThrownBy(() -> FaultSettings.builder().failFirst(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failFirst");
    }

    private static List<Integer> statuses(SandboxFaults faults, int requests) {
        return IntStream.range(0, requests).mapToObj(i -> faults.decide("streaming").failStatus()).toList();
    }
}

package dev.ferry.sandbox.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DestinationPushTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DestinationPush push = new DestinationPush(scheduler, Duration.ofSeconds(1),
            new DestinationPush.Target(Optional.empty(), Optional.empty()));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theWaitDoublesWithEachFailedAttempt() {
        assertThat(push.waitBefore(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(push.waitBefore(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aLongerRetryAfterInSecondsWinsAndAnUnreadableOneIsIgnored() {
        assertThat(push.waitBefore(1, Optional.of("30"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(push.waitBefore(2, Optional.of("soon"))).isEqualTo(Duration.ofSeconds(2));
    }
}

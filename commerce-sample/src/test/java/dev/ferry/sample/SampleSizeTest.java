package dev.ferry.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleSizeTest {

    @Test
    void defaultsToOneWebsiteFiftyCustomersAndTwoHundredOrdersOverNinetyDays() {
        SampleSize size = SampleSize.defaults();

        assertThat(size.websites()).isEqualTo(1);
        assertThat(size.customers()).isEqualTo(50);
        assertThat(size.orders()).isEqualTo(200);
        assertThat(Duration.between(size.createdFrom(), size.createdTo())).isEqualTo(Duration.ofDays(90));
        assertThat(size.createdTo()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void keepsWholeSecondsAsMagentoStoresThem() {
        Instant to = Instant.parse("2025-06-01T10:00:00.750Z");

        SampleSize size = SampleSize.defaults().withCreatedBetween(to.minus(Duration.ofDays(2)), to);

        assertThat(size.createdTo()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
    }

    @Test
    void refusesWhatTheSampleCannotHave() {
        SampleSize size = SampleSize.defaults();

        assertThatThrownBy(() -> size.withWebsites(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> size.withOrders(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> size.withCreatedBetween(size.createdTo(), size.createdTo()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

class CommerceOrdersEndpointTest {

    @Test
    void theConsumerPollsAtPollIntervalFromTheStart() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getEndpoint(
                    "commerce-orders:orders?url=jdbc:mariadb://127.0.0.1/none&pollInterval=2000")
                    .createConsumer(exchange -> { });

            assertThat(consumer.getDelay()).isEqualTo(2000);
            assertThat(consumer.getInitialDelay()).isZero();
        }
    }
}

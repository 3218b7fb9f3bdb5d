package dev.ferry.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The catalog producer in a route that is off, as routes/audiences.yaml is while audiences are disabled. */
class CommerceAudiencesCatalogProducerTest {

    @Test
    void aRouteThatIsOffStartsWithoutAnyCommerceDatabase() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:catalog").routeId("audience-catalog").autoStartup(false)
                            .to("commerce-audiences:catalog?url=");
                }
            });

            camel.start();

            assertThat(camel.getRouteController().getRouteStatus("audience-catalog").isStopped()).isTrue();
        }
    }
}

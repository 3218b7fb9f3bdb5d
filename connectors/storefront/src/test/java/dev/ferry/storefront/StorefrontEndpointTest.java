package dev.ferry.storefront;

import dev.ferry.core.config.ConfigException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorefrontEndpointTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theComponentIsFoundByItsSchemeWithTheDocumentedDefaults() {
        StorefrontEndpoint endpoint = camel.getEndpoint("storefront:events", StorefrontEndpoint.class);

        assertThat(camel.getComponent("storefront")).isInstanceOf(StorefrontComponent.class);
        assertThat(endpoint.getBasePath()).isEqualTo("/v1/storefront");
        assertThat(endpoint.getMaxBatchBytes()).isEqualTo(524_288);
        assertThat(endpoint.getMaxEventBytes()).isEqualTo(32_768);
        assertThat(endpoint.getMaxEvents()).isEqualTo(500);
        assertThat(endpoint.getMaxDepth()).isEqualTo(32);
        assertThat(endpoint.isRawEmail()).isTrue();
        assertThat(endpoint.getRetryAfter()).isEqualTo(5);
    }

    @Test
    void optionsAreSetFromTheUri() {
        StorefrontEndpoint endpoint = camel.getEndpoint("storefront:events?rawEmail=false&maxEvents=50"
                + "&allowedOrigins=https://shop.example.com&basePath=/collect", StorefrontEndpoint.class);

        assertThat(endpoint.isRawEmail()).isFalse();
        assertThat(endpoint.getMaxEvents()).isEqualTo(50);
        assertThat(endpoint.getAllowedOrigins()).isEqualTo("https://shop.example.com");
        assertThat(endpoint.getBasePath()).isEqualTo("/collect");
    }

    @Test
    void anOptionOutOfRangeFailsTheRouteWithOneLineNamingIt() {
        assertThatThrownBy(() -> camel.getEndpoint("storefront:events?maxEventBytes=600000", StorefrontEndpoint.class)
                .validate()).isInstanceOf(ConfigException.class)
                .hasMessage("storefront option maxEventBytes (600000) cannot exceed maxBatchBytes (524288)");
        assertThatThrownBy(() -> camel.getEndpoint("storefront:events?basePath=v1/", StorefrontEndpoint.class)
                .validate()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("storefront option basePath must start with /");
    }

    @Test
    void theCountersAreJmxAttributesOfTheEndpoint() throws Exception {
        CamelContext managed = new DefaultCamelContext();
        managed.getCamelContextExtension().setName("storefront-jmx");
        try {
            managed.getEndpoint("storefront:events?rawEmail=false");
            managed.start();
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("org.apache.camel:context=storefront-jmx,type=endpoints,"
                    + "name=\"storefront://events\\?rawEmail=false\"");

            assertThat(server.getAttribute(name, "AcceptedCount")).isEqualTo(0L);
            assertThat(server.getAttribute(name, "OptedOutCount")).isEqualTo(0L);
            assertThat(server.getAttribute(name, "UnavailableCount")).isEqualTo(0L);
        } finally {
            managed.stop();
        }
    }

    @Test
    void theCollectorOnlyReceives() throws Exception {
        assertThatThrownBy(() -> camel.getEndpoint("storefront:events").createProducer())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> camel.getEndpoint("storefront:orders"))
                .hasRootCauseMessage("storefront: knows only storefront:events, not storefront:orders");
    }
}

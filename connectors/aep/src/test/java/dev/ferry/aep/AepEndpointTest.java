package dev.ferry.aep;

import dev.ferry.core.config.ConfigException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AepEndpointTest {

    @Test
    void anUnknownApiFailsNamingTheValidOnes() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("aep", configured(aep -> { }));

            assertThatThrownBy(() -> context.getEndpoint("aep:stream"))
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown AEP api 'stream' in aep:stream; use one of aep:edge, aep:streaming, aep:batch, aep:audiences, aep:activation");
        }
    }

    @Test
    void aRouteWithoutClientIdFailsToStartNamingTheOption() {
        assertThat(startFailure(aep -> aep.setClientId(null), "aep:edge"))
                .isEqualTo("aep:edge needs the aep component option clientId");
    }

    @Test
    void aStreamingRouteWithoutConnectionIdFailsToStartNamingTheOption() {
        assertThat(startFailure(aep -> aep.setStreamingConnectionId(""), "aep:streaming"))
                .isEqualTo("aep:streaming needs the option streamingConnectionId "
                        + "(set it on the aep component or in the endpoint URI)");
    }

    @Test
    void aBatchRouteWithoutDatasetFailsToStartNamingTheOption() {
        assertThat(startFailure(aep -> aep.setDatasetId(null), "aep:batch"))
                .contains("needs the option datasetId");
    }

    @Test
    void aUrlThatIsNotHttpFailsToStartNamingTheOption() {
        assertThat(startFailure(aep -> aep.setEdgeUrl("server.adobedc.net"), "aep:edge"))
                .isEqualTo("aep component option edgeUrl is not an http(s) URL: 'server.adobedc.net'");
    }

    @Test
    void aRequestLimitAboveAepsIsRefused() {
        assertThat(startFailure(aep -> { }, "aep:edge?maxRequestBytes=70000"))
                .isEqualTo("aep:edge option maxRequestBytes must be between 1 and 65536 (or 0 for AEP's limit), not 70000");
        assertThat(startFailure(aep -> { }, "aep:batch?maxRequestBytes=1000"))
                .contains("use maxFileBytes");
    }

    @Test
    void endpointOptionsOverrideTheComponentsAndDefaultToThem() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("aep", configured(aep -> { }));

            AepEndpoint own = context.getEndpoint("aep:streaming?datasetId=other&maxRequestBytes=2048", AepEndpoint.class);
            AepEndpoint shared = context.getEndpoint("aep:streaming", AepEndpoint.class);

            assertThat(own.effectiveDatasetId()).isEqualTo("other");
            assertThat(own.effectiveMaxRequestBytes()).isEqualTo(2048);
            assertThat(shared.effectiveDatasetId()).isEqualTo("dataset");
            assertThat(shared.effectiveMaxRequestBytes()).isEqualTo(1024 * 1024);
            assertThat(shared.api()).isEqualTo(AepApi.STREAMING);
        }
    }

    @Test
    void anApiThatSendsNoEventsRefusesARequestLimit() {
        assertThat(startFailure(aep -> { }, "aep:activation?maxRequestBytes=1000"))
                .isEqualTo("aep:activation sends no events: maxRequestBytes does not apply");
    }

    @Test
    void anAudiencePageLargerThanTheSegmentationApisIsRefused() {
        assertThat(startFailure(aep -> { }, "aep:audiences?pageSize=801", true))
                .isEqualTo("aep option pageSize must be at most 800, not 801");
    }

    @Test
    void theAudienceCatalogIsOnlyRead() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("aep", configured(aep -> { }));

            assertThatThrownBy(() -> context.getEndpoint("aep:audiences").createProducer())
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("use it in from(), not to()");
        }
    }

    @Test
    void theIngestionApisOnlySend() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("aep", configured(aep -> { }));

            assertThatThrownBy(() -> context.getEndpoint("aep:edge").createConsumer(exchange -> { }))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("use it in to(), not from()");
        }
    }

    /** The one-line message of the configuration error that stopped the route from starting. */
    private static String startFailure(Consumer<AepComponent> change, String uri) {
        return startFailure(change, uri, false);
    }

    /** The same, for a route that consumes from the uri when {@code consumer} is true. */
    private static String startFailure(Consumer<AepComponent> change, String uri, boolean consumer) {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("aep", configured(change));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (consumer) {
                        from(uri).to("log:audiences");
                    } else {
                        from("direct:in").to(uri);
                    }
                }
            });
            context.start();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ConfigException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a ConfigException among the causes of %s", e).isNotNull();
            return cause.getMessage();
        }
        throw new AssertionError("the route started");
    }

    private static AepComponent configured(Consumer<AepComponent> change) {
        AepComponent aep = new AepComponent();
        aep.setClientId("client");
        aep.setClientSecret("secret");
        aep.setOrgId("ORG@AdobeOrg");
        aep.setDatastreamId("datastream");
        aep.setStreamingConnectionId("connection");
        aep.setDatasetId("dataset");
        aep.setSchemaId("https://ns.adobe.com/tenant/schemas/x");
        change.accept(aep);
        return aep;
    }
}

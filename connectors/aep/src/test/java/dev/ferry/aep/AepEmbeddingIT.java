package dev.ferry.aep;

import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.Channel;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector in an existing Camel application, with no Ferry launcher: a plain {@link DefaultCamelContext} finds
 * {@code aep:} on the classpath, binds its options from the application's properties as Camel Main or an ESB
 * would, and its own routes send XDM it builds however it likes.
 */
class AepEmbeddingIT {

    private static AepSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aPlainCamelContextDiscoversTheComponentAndItsRoutesDeliverToAep() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(applicationProperties());
            AepComponent aep = context.getComponent("aep", AepComponent.class);
            PropertyBindingSupport.build().withCamelContext(context).withTarget(aep).withProperties(new HashMap<>(Map.of(
                    "imsUrl", "{{esb.aep.url}}",
                    "streamingUrl", "{{esb.aep.url}}",
                    "edgeUrl", "{{esb.aep.url}}",
                    "clientId", "{{esb.aep.client-id}}",
                    "clientSecret", "{{esb.aep.client-secret}}",
                    "orgId", "{{esb.aep.org}}",
                    "datasetId", "{{esb.aep.dataset}}",
                    "schemaId", "{{esb.aep.schema}}"))).bind();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:orders").routeId("orders-to-aep")
                            .to("aep:streaming?streamingConnectionId={{esb.aep.connection}}");
                    from("direct:page-views").routeId("page-views-to-aep")
                            .to("aep:edge?datastreamId={{esb.aep.datastream}}");
                }
            });
            context.start();

            List<XdmEvent> orders = IntStream.range(0, 60).mapToObj(i -> AepTesting.validEvent("embedded-order", i)).toList();
            Exchange sent = context.createProducerTemplate().request("direct:orders", e -> e.getIn().setBody(orders));
            String pageViewsJson = Xdm.JSON.writeValueAsString(IntStream.range(0, 25)
                    .mapToObj(i -> AepTesting.validEvent("embedded-view", i).xdm()).toList());
            DeliveryReport views = context.createProducerTemplate()
                    .requestBody("direct:page-views", pageViewsJson, DeliveryReport.class);

            assertThat(aep.getClientId()).isEqualTo(AepTesting.SANDBOX.clientId());
            assertThat(sent.getMessage().getBody(DeliveryReport.class).deliveredIds()).hasSize(60);
            assertThat(sent.getMessage().getHeader(AepHeaders.DELIVERED)).isEqualTo(60);
            assertThat(views.deliveredIds()).hasSize(25);
            assertThat(orders).allSatisfy(order -> assertThat(sandbox.events().countById(order.id())).isEqualTo(1));
            assertThat(sandbox.events().list(1_000, Channel.EDGE, null)).extracting(r -> r.id())
                    .containsAll(views.deliveredIds());
        }
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        properties.setProperty("esb.aep.url", sandbox.baseUrl());
        properties.setProperty("esb.aep.client-id", AepTesting.SANDBOX.clientId());
        properties.setProperty("esb.aep.client-secret", AepTesting.SANDBOX.clientSecret());
        properties.setProperty("esb.aep.org", AepTesting.SANDBOX.imsOrgId());
        properties.setProperty("esb.aep.dataset", AepTesting.SANDBOX.datasetId());
        properties.setProperty("esb.aep.schema", AepTesting.SANDBOX.schemaId());
        properties.setProperty("esb.aep.connection", AepTesting.SANDBOX.streamingConnectionId());
        properties.setProperty("esb.aep.datastream", AepTesting.SANDBOX.datastreamId());
        return properties;
    }
}

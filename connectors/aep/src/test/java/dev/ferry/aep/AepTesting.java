package dev.ferry.aep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.CommerceScope;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.ProductListItem;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events, contexts and sandbox look-ups the aep tests share. */
public final class AepTesting {

    public static final SandboxSettings SANDBOX = SandboxSettings.defaults();

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final String[] TYPES = {"commerce.productViews", "commerce.productListAdds", "commerce.checkouts"};

    private AepTesting() {
    }

    /** Valid commerce ExperienceEvents with deterministic ids, which the sandbox's closed schema accepts. */
    public static List<OutboundEvent> validEvents(String run, int count) {
        List<OutboundEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(validEvent(run, i).toOutbound());
        }
        return events;
    }

    public static XdmEvent validEvent(String run, int i) {
        String type = TYPES[i % TYPES.length];
        return XdmEvent.create(EventIds.deterministic(run, Integer.toString(i)), START.plusSeconds(i), type)
                .measure(type)
                .commerceScope(new CommerceScope("env-1", "base", "main_website_store", "default"))
                .productListItems(List.of(new ProductListItem("SKU-" + i, "Product " + i, 1, 19.99, "USD",
                        null, null, null)))
                .partitionedBy("shopper-" + (i % 7));
    }

    /** An event with a key the dataset's schema lacks, which AEP refuses. */
    public static OutboundEvent withUnknownKey(String run, int i) {
        XdmEvent event = validEvent(run, i);
        event.set("commerce.giftWrap", "yes");
        return event.toOutbound();
    }

    /** An AEP component that talks to the sandbox, configured through its setters as any Camel app would. */
    public static AepComponent component(AepSandbox sandbox) {
        AepComponent aep = new AepComponent();
        aep.setImsUrl(sandbox.baseUrl());
        aep.setEdgeUrl(sandbox.baseUrl());
        aep.setStreamingUrl(sandbox.baseUrl());
        aep.setPlatformUrl(sandbox.baseUrl());
        aep.setClientId(SANDBOX.clientId());
        aep.setClientSecret(SANDBOX.clientSecret());
        aep.setOrgId(SANDBOX.imsOrgId());
        aep.setSandboxName(SANDBOX.sandboxName());
        aep.setDatastreamId(SANDBOX.datastreamId());
        aep.setStreamingConnectionId(SANDBOX.streamingConnectionId());
        aep.setDatasetId(SANDBOX.datasetId());
        aep.setSchemaId(SANDBOX.schemaId());
        aep.setInitialBackoff(20);
        aep.setMaxBackoff(2_000);
        aep.setRequestTimeout(5_000);
        return aep;
    }

    /** A started context with the component and a {@code direct:send} route to the given aep URI. */
    public static CamelContext context(AepComponent aep, String aepUri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("aep", aep);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(aepUri);
            }
        });
        context.start();
        return context;
    }

    public static DeliveryReport send(CamelContext context, Object body) {
        return context.createProducerTemplate().requestBody("direct:send", body, DeliveryReport.class);
    }

    /** Sends JSON to one of the sandbox's own {@code /sandbox/...} admin endpoints, e.g. to set its audiences. */
    public static void putToSandbox(AepSandbox sandbox, String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("sandbox refused PUT " + path + ": " + response.body());
            }
        } catch (IOException e) {
            throw new AssertionError("sandbox unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many requests the sandbox counted for one of its APIs, e.g. {@code edge.collect} or {@code ims.token}. */
    public static long requests(AepSandbox sandbox, String api) {
        return stats(sandbox).path("requests").path(api).asLong();
    }

    private static JsonNode stats(AepSandbox sandbox) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/stats")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return Xdm.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("sandbox stats unreadable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package dev.ferry.bench;

import dev.ferry.aep.AepComponent;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.AuthenticatedState;
import dev.ferry.core.xdm.CommerceScope;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.ProductListItem;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drains N outbox events into the AEP sandbox over DCS and Edge through Ferry's real delivery path
 * (outbox consumer -> aep: producer -> HTTP), and measures, in the same run, the sandbox's own raw accept rate for
 * the same events posted straight to it in full-size requests by one client thread. The ratio is Ferry's
 * overhead; the absolute figures depend on the machine.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl bench -am install -DskipTests && mvn -B -q -Pbench -pl bench exec:java
 * -Dexec.args="100000"}
 */
public final class DeliveryBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<OutboundEvent> sample = sampleEvents(events);
        SandboxSettings settings = SandboxSettings.defaults().toBuilder().eventCapacity(events * 2).build();
        try (AepSandbox sandbox = AepSandbox.start(settings)) {
            RawClient raw = new RawClient(sandbox);
            System.out.printf(Locale.ROOT, "%-10s %10s %14s %14s %8s%n", "api", "events", "raw events/s", "ferry events/s", "ratio");
            for (String api : List.of("streaming", "edge")) {
                raw.warmUp(api, sample.subList(0, Math.min(5_000, events)));
                sandbox.events().clear();
                double rawRate = raw.send(api, sample);
                sandbox.events().clear();
                double ferryRate = drainThroughFerry(sandbox, api, sample);
                sandbox.events().clear();
                System.out.printf(Locale.ROOT, "%-10s %10d %14.0f %14.0f %8.2f%n", api, events, rawRate, ferryRate,
                        ferryRate / rawRate);
            }
        }
    }

    /** Fills an outbox with the events, then times the delivery route until the sandbox holds every one. */
    private static double drainThroughFerry(AepSandbox sandbox, String api, List<OutboundEvent> sample) throws Exception {
        Path dir = Files.createTempDirectory("ferry-bench");
        try (StateDatabase state = StateDatabase.open("jdbc:h2:file:" + dir.resolve("state"), "", "")) {
            for (int from = 0; from < sample.size(); from += 5_000) {
                state.outbox().append(api, sample.subList(from, Math.min(sample.size(), from + 5_000)));
            }
            CamelContext camel = new DefaultCamelContext();
            camel.getRegistry().bind("state", state);
            camel.addComponent("aep", aepComponent(sandbox));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("outbox:" + api + "?batchSize=1000").routeId("drain").autoStartup(false).to("aep:" + api);
                }
            });
            camel.start();
            long start = System.nanoTime();
            camel.getRouteController().startRoute("drain");
            while (sandbox.events().size() < sample.size()) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            camel.stop();
            if (state.outbox().backlog(api).events() != 0 || state.deadLetters().count() != 0) {
                throw new IllegalStateException("benchmark events were not all delivered cleanly");
            }
            return sample.size() / seconds;
        }
    }

    private static AepComponent aepComponent(AepSandbox sandbox) {
        SandboxSettings s = sandbox.settings();
        AepComponent aep = new AepComponent();
        aep.setImsUrl(sandbox.baseUrl());
        aep.setPlatformUrl(sandbox.baseUrl());
        aep.setStreamingUrl(sandbox.baseUrl());
        aep.setEdgeUrl(sandbox.baseUrl());
        aep.setClientId(s.clientId());
        aep.setClientSecret(s.clientSecret());
        aep.setOrgId(s.imsOrgId());
        aep.setSandboxName(s.sandboxName());
        aep.setDatastreamId(s.datastreamId());
        aep.setStreamingConnectionId(s.streamingConnectionId());
        aep.setDatasetId(s.datasetId());
        aep.setSchemaId(s.schemaId());
        return aep;
    }

    /** Product views shaped like the storefront's: identity, scope, one product; about 700 bytes each. */
    static List<OutboundEvent> sampleEvents(int count) {
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        CommerceScope scope = new CommerceScope("bench-env", "base", "main_website_store", "default");
        List<OutboundEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            XdmEvent event = XdmEvent.create(EventIds.deterministic("bench", Integer.toString(i)), base.plusMillis(i),
                            "commerce.productViews")
                    .identity("FPID", EventIds.deterministic("shopper", Integer.toString(i % 5_000)), true,
                            AuthenticatedState.AMBIGUOUS)
                    .measure("commerce.productViews")
                    .commerceScope(scope)
                    .productListItems(List.of(new ProductListItem("24-MB0" + (i % 9), "Joust Duffle Bag", 1, 34.0,
                            "USD", null, "https://shop.example.com/media/catalog/product/m/b/mb01-blue-0.jpg", null)))
                    .set("web.webPageDetails.URL", "https://shop.example.com/joust-duffle-bag.html")
                    .set("web.webPageDetails.name", "Joust Duffle Bag");
            events.add(event.toOutbound());
        }
        return events;
    }
}

package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.delivery.BatchSteps;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.history.export.HistorySummary;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history export and the live order poller, run over the same Magento orders, produce the same events: the
 * same set of deterministic _ids, so an order exported as history and seen again live is one event in AEP.
 */
class HistoryMatchesOrdersIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_vs_orders_it_" + ProcessHandle.current().pid();

    @TempDir
    Path outDir;

    @Test
    void theExportSendsExactlyTheEventsThePollerSendsForTheSameOrders() throws Exception {
        MariaDbServer server = MariaDbServer.machineOrEmbedded();
        Instant now = Instant.now();
        DataSource commerce = new CommerceSampleData(33).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(10).withOrders(80)
                        .withCreatedBetween(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
        Set<String> polled = ConcurrentHashMap.newKeySet();
        Set<String> exported = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        try (StateDatabase state = StateDatabase.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "", ""); CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("state", state);
            camel.getRegistry().bind("commerceDb", commerce);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("commerce-orders:live?dataSource=#commerceDb&pollInterval=200"
                            + "&startFrom=2000-01-01T00:00:00Z").process(exchange -> {
                                @SuppressWarnings("unchecked")
                                List<XdmEvent> events = exchange.getIn().getBody(List.class);
                                events.forEach(event -> polled.add(event.id()));
                            }).to("outbox:streaming");
                    from("direct:batch").process(exchange -> {
                        // aep:batch's steps, every batch succeeding: the events are those of the uploaded files
                        String batchId = exchange.getIn().getHeader(BatchSteps.BATCH_ID,
                                "batch-" + batches.incrementAndGet(), String.class);
                        if (BatchSteps.UPLOAD.equals(exchange.getIn().getHeader(BatchSteps.STEP))) {
                            for (String line : Files.readAllLines(exchange.getIn().getBody(Path.class))) {
                                exported.add(Xdm.JSON.readTree(line).get("_id").asText());
                            }
                        }
                        exchange.getMessage().setHeader(BatchSteps.BATCH_ID, batchId);
                        exchange.getMessage().setHeader(BatchSteps.BATCH_STATUS, "success");
                        exchange.getMessage().setBody(new DeliveryReport());
                    });
                }
            });
            camel.start();
            String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            HistorySummary summary = camel.createProducerTemplate().requestBody("commerce-history:all?dataSource="
                    + "#commerceDb&sinkUri=direct:batch&fileSize=50000&outDir=" + outDir + "&from=2000-01-01&to="
                    + tomorrow, null, HistorySummary.class);

            assertThat(summary.orders()).isEqualTo(80);
            assertThat(exported).hasSize((int) summary.events());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(polled).isEqualTo(exported));
        } finally {
            server.dropDatabase(DATABASE);
            server.close();
        }
    }
}

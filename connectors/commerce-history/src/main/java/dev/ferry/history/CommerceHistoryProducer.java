package dev.ferry.history;

import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.history.export.HistoryExport;
import dev.ferry.history.export.HistoryJob;
import dev.ferry.history.export.HistoryProgress;
import dev.ferry.history.export.HistoryRange;
import dev.ferry.history.export.HistorySink;
import dev.ferry.history.export.HistorySummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the export for each exchange, on the caller's thread, and leaves its {@link HistorySummary} as the body.
 * Everything that can be wrong with the request (range, stores, sizes, a missing sink) fails before any work.
 */
public class CommerceHistoryProducer extends DefaultProducer {

    private final CommerceHistoryEndpoint endpoint;
    private ProducerTemplate template;
    private StateDatabase state;

    public CommerceHistoryProducer(CommerceHistoryEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.validateSizes();
        endpoint.eventKinds();
        state = endpoint.getCamelContext().getRegistry().findSingleByType(StateDatabase.class);
        if (state == null) {
            throw new IllegalStateException("commerce-history: needs Ferry's StateDatabase in the registry");
        }
        template = endpoint.getCamelContext().createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (template != null) {
            template.stop();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        HistoryRange range = HistoryRange.parse(in.getHeader(CommerceHistoryHeaders.FROM, endpoint.getFrom(),
                String.class), in.getHeader(CommerceHistoryHeaders.TO, endpoint.getTo(), String.class), Clock.systemUTC());
        boolean resume = resume(in);
        Set<Long> storeIds;
        try (Connection connection = endpoint.connect()) {
            storeIds = endpoint.storeIds(connection);
        }
        HistoryJob job = new HistoryJob(endpoint.getName(), range, storeIds, endpoint.getStores(),
                endpoint.eventKinds(), endpoint.getPageSize(), endpoint.getFileSize(), endpoint.getFilesPerBatch(),
                endpoint.getBatchesInFlight(), endpoint.getBatchesPerDay(), Path.of(endpoint.getOutDir()));
        HistoryProgress progress = endpoint.getProgress() == null ? HistoryProgress.NONE : endpoint.getProgress();
        try (RunningExports.Run run = endpoint.getComponent().running().start(endpoint.getName());
             ExportLease lease = ExportLease.claim(state, endpoint.getName(), Clock.systemUTC())) {
            HistoryExport export = new HistoryExport(job, endpoint::connect,
                    new OrderEventMapper(endpoint.getCustomerIdNamespace()), state, sink(), progress,
                    Clock.systemUTC(), lease::confirm);
            exchange.getMessage().setBody(export.run(resume));
        }
    }

    /** The resume header (a Boolean, or true or false as text, e.g. from a query parameter), else the option. */
    private boolean resume(Message in) {
        Object header = in.getHeader(CommerceHistoryHeaders.RESUME);
        if (header instanceof Boolean given) {
            return given;
        }
        String text = header == null ? "" : header.toString().trim();
        if (text.isEmpty()) {
            return endpoint.isResume();
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(CommerceHistoryHeaders.RESUME + " must be true or false, not '" + text
                    + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /** The sink option as a {@link HistorySink}, spoken to one batch step at a time. */
    private HistorySink sink() {
        String uri = endpoint.getSinkUri();
        return uri == null || uri.isBlank() ? null : new EndpointHistorySink(template, uri);
    }
}

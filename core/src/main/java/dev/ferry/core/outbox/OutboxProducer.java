package dev.ferry.core.outbox;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.delivery.OutboundEvents;
import dev.ferry.core.state.Outbox;
import dev.ferry.core.state.StateDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Commits the exchange's events, and the checkpoints it carries, in one state transaction (shared with the
 * exchanges sent at the same time: group commit). When this returns the events are durable: a source may
 * acknowledge them.
 */
class OutboxProducer extends DefaultProducer {

    /** Where the backlog is recounted, off the requests' threads. */
    private ExecutorService recounter;

    OutboxProducer(OutboxEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        recounter = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "OutboxBacklog[" + getEndpoint().getChannel() + "]");
    }

    @Override
    protected void doStop() throws Exception {
        if (recounter != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(recounter);
            recounter = null;
        }
        super.doStop();
    }

    @Override
    public OutboxEndpoint getEndpoint() {
        return (OutboxEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        List<OutboundEvent> events = OutboundEvents.from(exchange.getIn().getBody());
        @SuppressWarnings("unchecked")
        Map<String, String> checkpoints = exchange.getIn().getHeader(OutboxHeaders.CHECKPOINTS, Map.class);
        StateDatabase database = getEndpoint().stateDatabase();
        refuseAboveHighWater(database);
        Outbox.Appended appended = database.outbox().append(getEndpoint().getChannel(), events,
                checkpoints == null ? Map.of() : checkpoints);
        getEndpoint().backlog().appended(appended.events(), appended.bytes());
        exchange.getMessage().setHeader(OutboxHeaders.APPENDED, appended.events());
    }

    private void refuseAboveHighWater(StateDatabase database) {
        OutboxEndpoint endpoint = getEndpoint();
        Outbox.Backlog waiting = endpoint.backlog().current(database, recounter);
        boolean tooMany = endpoint.getHighWaterEvents() > 0 && waiting.events() >= endpoint.getHighWaterEvents();
        boolean tooBig = endpoint.getHighWaterBytes() > 0 && waiting.bytes() >= endpoint.getHighWaterBytes();
        if (tooMany || tooBig) {
            throw new OutboxFullException("outbox " + endpoint.getChannel() + " holds " + waiting.events() + " events ("
                    + waiting.bytes() + " bytes), above its high-water mark; retry later",
                    Duration.ofSeconds(endpoint.getFullRetryAfter()));
        }
    }
}

package dev.ferry.core.outbox;

import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.OutboxRecord;
import dev.ferry.core.state.StateDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Drains one outbox channel on a single thread, so events leave in the order they were accepted. Each exchange
 * carries a {@code List<OutboundEvent>}; the sink leaves a {@link DeliveryReport} (or nothing, meaning all
 * delivered). Delivered and rejected events are settled in one transaction, rejected ones into dead letters;
 * a failed exchange leaves every event in place and backs off.
 */
class OutboxConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);

    private final Object wakeUp = new Object();
    private final DeliveryBackoff backoff;
    private final OutboxStatistics statistics = new OutboxStatistics();
    private ExecutorService executor;

    OutboxConsumer(OutboxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.backoff = new DeliveryBackoff(Duration.ofMillis(endpoint.getInitialBackoff()),
                Duration.ofMillis(endpoint.getMaxBackoff()));
    }

    @Override
    public OutboxEndpoint getEndpoint() {
        return (OutboxEndpoint) super.getEndpoint();
    }

    OutboxStatistics statistics() {
        return statistics;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "outbox-" + getEndpoint().getChannel());
        executor.submit(this::drainUntilStopped);
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (executor != null) {
            // The batch in flight finishes and is settled; nothing new starts.
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor, 30_000);
            executor = null;
        }
        super.doStop();
    }

    private void drainUntilStopped() {
        while (isRunAllowed() && !isSuspendingOrSuspended()) {
            Duration pause;
            try {
                pause = drainOnce();
            } catch (RuntimeException e) {
                pause = backoff.next(null);
                LOG.warn("outbox {}: {}; next try in {} ms", getEndpoint().getChannel(), e.getMessage(), pause.toMillis());
            }
            if (!pause.isZero()) {
                sleep(pause);
            }
        }
    }

    private void sleep(Duration pause) {
        synchronized (wakeUp) {
            if (!isRunAllowed()) {
                return;
            }
            try {
                wakeUp.wait(Math.max(1, pause.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Delivers one batch; returns how long to pause before the next. */
    Duration drainOnce() {
        StateDatabase database = getEndpoint().stateDatabase();
        List<OutboxRecord> batch = database.outbox().next(getEndpoint().getChannel(), getEndpoint().getBatchSize());
        if (batch.isEmpty()) {
            return Duration.ofMillis(getEndpoint().getPollInterval());
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(batch.stream().map(OutboxRecord::event).toList());
            exchange.getIn().setHeader(OutboxHeaders.CHANNEL, getEndpoint().getChannel());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                return failed(database, batch, exchange.getException());
            }
            return settle(database, batch, exchange.getMessage().getBody());
        } catch (Exception e) {
            return failed(database, batch, e);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private Duration settle(StateDatabase database, List<OutboxRecord> batch, Object result) {
        Set<String> delivered;
        Map<String, String> rejected = new HashMap<>();
        DeliveryException deferral = null;
        if (result instanceof DeliveryReport report) {
            delivered = new HashSet<>(report.deliveredIds());
            report.rejections().forEach(r -> rejected.put(r.eventId(), r.reason()));
            deferral = report.deferral().orElse(null);
        } else {
            delivered = new HashSet<>();
            batch.forEach(record -> delivered.add(record.event().id()));
        }
        List<Long> settled = new ArrayList<>();
        List<OutboxRecord> unsettled = new ArrayList<>();
        database.transact(connection -> {
            for (OutboxRecord record : batch) {
                OutboundEvent event = record.event();
                String reason = rejected.get(event.id());
                if (reason != null) {
                    database.deadLetters().add(connection, getEndpoint().getChannel(), event, reason);
                    settled.add(record.seq());
                } else if (delivered.contains(event.id())) {
                    settled.add(record.seq());
                } else {
                    unsettled.add(record);
                }
            }
            database.outbox().remove(connection, settled);
        });
        statistics.settled(delivered.size(), rejected.size());
        if (!rejected.isEmpty()) {
            LOG.warn("outbox {}: {} event(s) rejected by the sink moved to dead letters (first: {})",
                    getEndpoint().getChannel(), rejected.size(), rejected.values().iterator().next());
        }
        if (unsettled.isEmpty()) {
            backoff.reset();
            return Duration.ZERO;
        }
        return failed(database, unsettled, deferral != null ? deferral
                : new DeliveryException(FailureKind.RETRYABLE, "the sink settled none of them"));
    }

    private Duration failed(StateDatabase database, List<OutboxRecord> batch, Throwable failure) {
        statistics.failed();
        DeliveryException delivery = DeliveryException.class.isInstance(failure) ? (DeliveryException) failure
                : findCause(failure);
        Duration pause = backoff.next(delivery == null ? null : delivery.retryAfter().orElse(null));
        try {
            database.outbox().recordAttempt(batch.stream().map(OutboxRecord::seq).toList());
        } catch (RuntimeException stateDown) {
            LOG.debug("outbox {}: could not count the attempt: {}", getEndpoint().getChannel(), stateDown.getMessage());
        }
        LOG.warn("outbox {}: delivery of {} event(s) failed ({}{}); they stay in the outbox, next try in {} ms",
                getEndpoint().getChannel(), batch.size(), delivery == null ? "error" : delivery.kind(),
                ": " + failure.getMessage(), pause.toMillis());
        return pause;
    }

    private static DeliveryException findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeliveryException delivery) {
                return delivery;
            }
        }
        return null;
    }

}

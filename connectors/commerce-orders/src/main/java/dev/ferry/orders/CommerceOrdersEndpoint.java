package dev.ferry.orders;

import dev.ferry.core.sales.CommerceDatabaseEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/** The {@code commerce-orders:name} endpoint; the name keys its checkpoints in the state database. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "commerce-orders", title = "Ferry Commerce back-office orders",
        syntax = "commerce-orders:name", consumerOnly = true, category = {Category.DATABASE},
        headersClass = dev.ferry.core.outbox.OutboxHeaders.class)
public class CommerceOrdersEndpoint extends CommerceDatabaseEndpoint {

    @UriPath(description = "Name of this poller; its watermarks are the checkpoints commerce-orders:<name>.*")
    @Metadata(required = true)
    private final String name;

    @UriParam(defaultValue = "2000", description = "Milliseconds between polls")
    private long pollInterval = 2000;

    @UriParam(defaultValue = "300", description = "Seconds each poll re-reads before the watermarks, for "
            + "transactions that commit late and clock skew; what it re-reads is never emitted twice")
    private int overlapSeconds = 300;

    @UriParam(defaultValue = "5000", description = "The most changes one poll reads after the watermarks and "
            + "commits in one outbox transaction; a larger backlog (a bulk import, Ferry catching up) is read in "
            + "polls of this size, one right after the other, resuming exactly where the last stopped")
    private int maxChangesPerPoll = 5_000;

    @UriParam(defaultValue = "now", description = "Start point of a new installation (no checkpoints yet): now, "
            + "or an ISO-8601 instant such as 2026-01-01T00:00:00Z; older changes are the history connector's job")
    private String startFrom = "now";

    @UriParam(defaultValue = "30000", description = "Longest wait in milliseconds between attempts to read the "
            + "Commerce database while it cannot be reached; the wait starts at pollInterval and doubles with each "
            + "failed attempt")
    private long maxRetryDelay = 30_000;

    public CommerceOrdersEndpoint(String uri, CommerceOrdersComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("commerce-orders: is a consumer only (from: commerce-orders:"
                + name + ")");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        CommerceOrdersConsumer consumer = new CommerceOrdersConsumer(this, processor);
        configureConsumer(consumer);
        // After configureConsumer, which would otherwise put back the scheduler's own defaults (500 ms, 1 s).
        consumer.setDelay(pollInterval);
        consumer.setInitialDelay(0);
        return consumer;
    }

    public String checkpointPrefix() {
        return "commerce-orders:" + name;
    }

    public String getName() {
        return name;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getOverlapSeconds() {
        return overlapSeconds;
    }

    public void setOverlapSeconds(int overlapSeconds) {
        this.overlapSeconds = overlapSeconds;
    }

    public int getMaxChangesPerPoll() {
        return maxChangesPerPoll;
    }

    public void setMaxChangesPerPoll(int maxChangesPerPoll) {
        if (maxChangesPerPoll < 1) {
            throw new IllegalArgumentException("maxChangesPerPoll must be at least 1, was " + maxChangesPerPoll);
        }
        this.maxChangesPerPoll = maxChangesPerPoll;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }
}

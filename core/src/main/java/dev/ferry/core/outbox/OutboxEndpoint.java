package dev.ferry.core.outbox;

import dev.ferry.core.state.StateDatabase;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One outbox channel: producers append to it, one consumer drains it in order. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "outbox", title = "Ferry outbox", syntax = "outbox:channel",
        category = {Category.DATABASE, Category.MESSAGING}, headersClass = OutboxHeaders.class)
public class OutboxEndpoint extends DefaultEndpoint {

    @UriPath(description = "Channel name; one delivery route drains each channel, e.g. edge or streaming.")
    @Metadata(required = true)
    private final String channel;

    @UriParam(label = "consumer", defaultValue = "500",
            description = "Most events handed to the sink in one exchange.")
    private int batchSize = 500;

    @UriParam(label = "consumer", defaultValue = "200",
            description = "Milliseconds to wait before looking at an empty outbox again.")
    private long pollInterval = 200;

    @UriParam(label = "consumer", defaultValue = "500",
            description = "First backoff in milliseconds after a failed delivery; doubles on each failure, with jitter.")
    private long initialBackoff = 500;

    @UriParam(label = "consumer", defaultValue = "60000",
            description = "Longest backoff in milliseconds between delivery attempts.")
    private long maxBackoff = 60_000;

    OutboxEndpoint(String uri, OutboxComponent component, String channel) {
        super(uri, component);
        this.channel = channel;
    }

    @Override
    public Producer createProducer() {
        return new OutboxProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OutboxConsumer consumer = new OutboxConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    StateDatabase stateDatabase() {
        return ((OutboxComponent) getComponent()).resolveStateDatabase();
    }

    public String getChannel() {
        return channel;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }
}

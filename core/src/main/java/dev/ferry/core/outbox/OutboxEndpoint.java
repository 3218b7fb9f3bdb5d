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

    @UriParam(label = "producer", defaultValue = "1000000",
            description = "Events waiting in the channel above which sending to it is refused (OutboxFullException: "
                    + "a collector answers 429, a poller pauses); 0 for no limit.")
    private long highWaterEvents = 1_000_000;

    @UriParam(label = "producer", defaultValue = "1073741824",
            description = "Bytes of XDM waiting in the channel above which sending to it is refused; 0 for no limit.")
    private long highWaterBytes = 1L << 30;

    @UriParam(label = "producer", defaultValue = "5",
            description = "Seconds a refused source is asked to wait (Retry-After) while the outbox is above its high-water mark.")
    private int fullRetryAfter = 5;

    private final BacklogGauge backlog;

    OutboxEndpoint(String uri, OutboxComponent component, String channel) {
        super(uri, component);
        this.channel = channel;
        this.backlog = new BacklogGauge(channel);
    }

    BacklogGauge backlog() {
        return backlog;
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

    public long getHighWaterEvents() {
        return highWaterEvents;
    }

    public void setHighWaterEvents(long highWaterEvents) {
        this.highWaterEvents = highWaterEvents;
    }

    public long getHighWaterBytes() {
        return highWaterBytes;
    }

    public void setHighWaterBytes(long highWaterBytes) {
        this.highWaterBytes = highWaterBytes;
    }

    public int getFullRetryAfter() {
        return fullRetryAfter;
    }

    public void setFullRetryAfter(int fullRetryAfter) {
        this.fullRetryAfter = fullRetryAfter;
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

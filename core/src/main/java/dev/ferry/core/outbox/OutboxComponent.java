package dev.ferry.core.outbox;

import dev.ferry.core.state.StateDatabase;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code outbox:<channel>}: the durable hand-over between a source route and a delivery route. Sending to it
 * commits events (and the checkpoint the exchange carries) to Ferry's state database; consuming from it delivers
 * them in order, settles what the sink reports and retries the rest.
 */
@Component("outbox")
public class OutboxComponent extends DefaultComponent {

    @Metadata(description = "Ferry's state database; looked up in the registry by type when not set.", autowired = true)
    private StateDatabase stateDatabase;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("outbox: needs a channel name, e.g. outbox:edge");
        }
        OutboxEndpoint endpoint = new OutboxEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    StateDatabase resolveStateDatabase() {
        if (stateDatabase == null) {
            stateDatabase = getCamelContext().getRegistry().findSingleByType(StateDatabase.class);
        }
        if (stateDatabase == null) {
            throw new IllegalStateException("outbox: no StateDatabase in the registry; bind one (StateDatabase.open(...))");
        }
        return stateDatabase;
    }

    public StateDatabase getStateDatabase() {
        return stateDatabase;
    }

    public void setStateDatabase(StateDatabase stateDatabase) {
        this.stateDatabase = stateDatabase;
    }
}

package dev.ferry.history;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code commerce-history:}: exports the orders of a date range from the Commerce (Magento 2) database as the
 * back-office XDM events the orders connector sends live, in JSON Lines files handed to a batch sink such as
 * {@code aep:batch}. A producer: a route triggers it (quartz, a REST call, the CLI's {@code history} command).
 */
@Component("commerce-history")
public class CommerceHistoryComponent extends DefaultComponent {

    private final RunningExports running = new RunningExports();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("commerce-history: needs a name, e.g. commerce-history:orders");
        }
        if (!remaining.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("commerce-history:" + remaining + ": the name may hold letters, digits,"
                    + " '.', '_' and '-' only (it names the export's files)");
        }
        CommerceHistoryEndpoint endpoint = new CommerceHistoryEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    RunningExports running() {
        return running;
    }
}

package dev.ferry.orders;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code commerce-orders:}: polls the Commerce (Magento 2) database read-only and hands the route, per poll, one
 * {@code List<XdmEvent>} (one event per back-office business change) with the new watermarks in header
 * {@code FerryCheckpoints}, so {@code to("outbox:streaming")} commits both together.
 */
@Component("commerce-orders")
public class CommerceOrdersComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("commerce-orders: needs a name, e.g. commerce-orders:orders");
        }
        CommerceOrdersEndpoint endpoint = new CommerceOrdersEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}

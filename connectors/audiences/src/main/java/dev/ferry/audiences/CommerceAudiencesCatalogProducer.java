package dev.ferry.audiences;

import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.core.audience.Audience;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code to("commerce-audiences:catalog")}: upserts the body, a {@code List<Audience>}, into ferry_audience, then
 * tells the component's consumers, whose cached lookup answers carry the names.
 */
public class CommerceAudiencesCatalogProducer extends DefaultProducer {

    private AudienceCatalog catalog;

    CommerceAudiencesCatalogProducer(CommerceAudiencesEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CommerceAudiencesEndpoint getEndpoint() {
        return (CommerceAudiencesEndpoint) super.getEndpoint();
    }

    /**
     * Opened at the first catalog, not when the producer starts: Camel starts the producers of a route whose
     * autoStartup is off too, and such a route (audiences disabled) may have no database configured at all.
     */
    private synchronized AudienceCatalog catalog() {
        if (catalog == null) {
            catalog = new AudienceCatalog(getEndpoint().database());
        }
        return catalog;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        catalog = null; // the endpoint closes its pool when it stops; a restart opens the database again
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof List<?> items)) {
            throw new IllegalArgumentException("commerce-audiences:catalog takes a List<Audience> body, not "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        List<Audience> audiences = items.stream().map(item -> {
            if (item instanceof Audience audience) {
                return audience;
            }
            throw new IllegalArgumentException("commerce-audiences:catalog takes a List<Audience> body; it holds a "
                    + (item == null ? "null" : item.getClass().getName()));
        }).toList();
        try {
            catalog().upsert(audiences);
        } finally {
            getEndpoint().getComponent().catalogChanged();
        }
    }
}

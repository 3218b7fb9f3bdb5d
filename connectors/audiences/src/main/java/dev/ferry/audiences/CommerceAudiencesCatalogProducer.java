package dev.ferry.audiences;

import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.core.audience.Audience;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** {@code to("commerce-audiences:catalog")}: upserts the body, a {@code List<Audience>}, into ferry_audience. */
public class CommerceAudiencesCatalogProducer extends DefaultProducer {

    private AudienceCatalog catalog;

    CommerceAudiencesCatalogProducer(CommerceAudiencesEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CommerceAudiencesEndpoint getEndpoint() {
        return (CommerceAudiencesEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        catalog = new AudienceCatalog(getEndpoint().database());
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
        catalog.upsert(audiences);
    }
}

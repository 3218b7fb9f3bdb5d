package dev.ferry.audiences;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code commerce-audiences:}: Real-Time CDP audience membership kept in Ferry's own {@code ferry_*} tables of the
 * Commerce database. {@code to("commerce-audiences:catalog")} stores a {@code List<Audience>} (the catalog AEP's
 * Segmentation API lists); {@code from("commerce-audiences:<name>")} serves the HTTP endpoints: AEP's destination
 * push, the membership lookup, the catalog listing, the GraphQL proxy and the shopper's own membership.
 */
@Component("commerce-audiences")
public class CommerceAudiencesComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("commerce-audiences: needs a name, e.g. commerce-audiences:catalog "
                    + "or commerce-audiences:membership");
        }
        CommerceAudiencesEndpoint endpoint = new CommerceAudiencesEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}

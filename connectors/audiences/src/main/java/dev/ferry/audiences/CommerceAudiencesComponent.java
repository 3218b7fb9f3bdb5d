package dev.ferry.audiences;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code commerce-audiences:}: Real-Time CDP audience membership kept in Ferry's own {@code ferry_*} tables of the
 * Commerce database. {@code to("commerce-audiences:catalog")} stores a {@code List<Audience>} (the catalog AEP's
 * Segmentation API lists); {@code from("commerce-audiences:<name>")} serves the HTTP endpoints: AEP's destination
 * push, the membership lookup, the catalog listing, the GraphQL proxy and the shopper's own membership. The
 * catalog producer and the consumers are different endpoints; the component tells the consumers when the catalog
 * changed, so the lookup answers they cache get the new names at once.
 */
@Component("commerce-audiences")
public class CommerceAudiencesComponent extends DefaultComponent {

    private final Set<Runnable> catalogListeners = ConcurrentHashMap.newKeySet();

    void addCatalogListener(Runnable listener) {
        catalogListeners.add(listener);
    }

    void removeCatalogListener(Runnable listener) {
        catalogListeners.remove(listener);
    }

    void catalogChanged() {
        catalogListeners.forEach(Runnable::run);
    }

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

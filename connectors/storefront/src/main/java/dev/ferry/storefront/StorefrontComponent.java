package dev.ferry.storefront;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code storefront:}: Ferry's server-side collector of storefront events. {@code from("storefront:events")}
 * receives Adobe Client Data Layer events that the storefront posts to {@code POST /v1/storefront/events}, maps each
 * to an XDM ExperienceEvent as Adobe's storefront event collector would, and hands the route a
 * {@code List<XdmEvent>}; the HTTP answer waits until the route has stored them (in Ferry, {@code to("outbox:edge")}).
 */
@Component("storefront")
public class StorefrontComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"events".equals(remaining)) {
            throw new IllegalArgumentException("storefront: knows only storefront:events, not storefront:" + remaining);
        }
        StorefrontEndpoint endpoint = new StorefrontEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}

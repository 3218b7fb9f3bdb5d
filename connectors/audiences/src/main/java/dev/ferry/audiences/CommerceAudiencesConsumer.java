package dev.ferry.audiences;

import dev.ferry.core.security.BearerToken;
import dev.ferry.audiences.http.CatalogHandler;
import dev.ferry.audiences.http.DestinationHandler;
import dev.ferry.audiences.http.GraphqlProxy;
import dev.ferry.audiences.http.LookupHandler;
import dev.ferry.audiences.http.OwnMembershipHandler;
import dev.ferry.audiences.identity.CustomerMap;
import dev.ferry.audiences.intake.DestinationPayloadParser;
import dev.ferry.audiences.intake.DestinationResolver;
import dev.ferry.audiences.lookup.MembershipCache;
import dev.ferry.audiences.lookup.MembershipLookup;
import dev.ferry.audiences.lookup.MembershipPull;
import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.audiences.store.MembershipStore;
import dev.ferry.audiences.store.MembershipUpdate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the audience endpoints as platform-http consumers on the application's HTTP server and keeps the customer
 * email map fresh on a schedule. After each destination push is stored, the route runs with its
 * {@code List<MembershipUpdate>} (identities are hashes or device ids only).
 */
public class CommerceAudiencesConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceAudiencesConsumer.class);

    private final List<Consumer> http = new ArrayList<>();
    private ScheduledExecutorService refresher;
    private ProducerTemplate pullTemplate;
    private Runnable catalogChanged;

    CommerceAudiencesConsumer(CommerceAudiencesEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public CommerceAudiencesEndpoint getEndpoint() {
        return (CommerceAudiencesEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CommerceAudiencesEndpoint endpoint = getEndpoint();
        BearerToken destinationToken = token(endpoint.getDestinationToken(), "destinationToken");
        BearerToken lookupToken = token(endpoint.getLookupToken(), "lookupToken");
        DataSource database = endpoint.database();
        MembershipCache answers = new MembershipCache(Duration.ofMillis(endpoint.getMembershipCacheTtl()),
                MembershipLookup.MAX_CACHED_IDENTITIES, Clock.systemUTC());
        CustomerMap customers = new CustomerMap(database, endpoint.getCustomerMapMissInterval(), answers::forget);
        MembershipStore store = new MembershipStore(database, answers::forget);
        AudienceCatalog catalog = new AudienceCatalog(database);
        catalogChanged = answers::clear;
        endpoint.getComponent().addCatalogListener(catalogChanged);
        MembershipLookup lookup = new MembershipLookup(store, customers, catalog, pull(),
                endpoint.getCustomerNamespace(), Duration.ofSeconds(endpoint.getPullCacheTtl()), answers,
                Clock.systemUTC());
        String base = endpoint.getBasePath();
        http.add(httpConsumer(base + "/aep-destination", "POST", new DestinationHandler(destinationToken,
                new DestinationPayloadParser(endpoint.getCustomerNamespace()), new DestinationResolver(customers),
                store, this::runRoute, endpoint.getMaxBodyBytes())));
        http.add(httpConsumer(base, "GET", new CatalogHandler(lookupToken, catalog)));
        http.add(httpConsumer(base + "/membership", "GET", new LookupHandler(lookupToken, lookup)));
        http.add(httpConsumer(base + "/mine", "GET", new OwnMembershipHandler(lookup)));
        if (endpoint.getGraphqlUrl() != null && !endpoint.getGraphqlUrl().isBlank()) {
            http.add(httpConsumer(endpoint.getGraphqlPath(), "GET,POST", new GraphqlProxy(
                    URI.create(endpoint.getGraphqlUrl()), lookup, Duration.ofSeconds(endpoint.getGraphqlTimeout()),
                    endpoint.getMaxBodyBytes())));
        }
        refresher = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "commerce-audiences-customer-map");
        refresher.scheduleWithFixedDelay(() -> refresh(customers), 0, endpoint.getCustomerMapRefreshInterval(),
                TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownServices(http);
        http.clear();
        if (catalogChanged != null) {
            getEndpoint().getComponent().removeCatalogListener(catalogChanged);
            catalogChanged = null;
        }
        if (refresher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(refresher);
            refresher = null;
        }
        ServiceHelper.stopService(pullTemplate);
        pullTemplate = null;
        super.doStop();
    }

    private static void refresh(CustomerMap customers) {
        try {
            customers.refresh();
        } catch (RuntimeException e) {
            LOG.warn("audiences: the customer email map was not refreshed: {}", e.getMessage());
        }
    }

    private MembershipPull pull() {
        String uri = getEndpoint().getPullUri();
        if (uri == null || uri.isBlank()) {
            return null;
        }
        pullTemplate = getEndpoint().getCamelContext().createProducerTemplate();
        return identity -> {
            List<?> ids = pullTemplate.requestBody(uri, identity, List.class);
            return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
        };
    }

    private void runRoute(List<MembershipUpdate> updates) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(updates);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private BearerToken token(String token, String option) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("commerce-audiences:" + getEndpoint().getName() + " needs " + option
                    + " (a long random secret)");
        }
        return new BearerToken(token);
    }

    private Consumer httpConsumer(String path, String methods, Processor handler) throws Exception {
        CamelContext context = getEndpoint().getCamelContext();
        PlatformHttpEndpoint endpoint;
        try {
            endpoint = context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=" + methods
                    + "&muteException=true", PlatformHttpEndpoint.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("commerce-audiences:" + getEndpoint().getName() + " needs an HTTP "
                    + "server: put camel-platform-http-main (camel.server.enabled=true) or another platform-http "
                    + "engine on the classpath (" + e.getMessage() + ")", e);
        }
        endpoint.setHeaderFilterStrategy(headerFilter());
        Consumer consumer = endpoint.createConsumer(handler);
        ServiceHelper.startService(consumer);
        return consumer;
    }

    /**
     * Request headers come in as sent and answers go out as the handlers set them (the proxy needs Cache-Control,
     * Set-Cookie, Content-Type of Commerce's answer); only Camel's own headers and hop-by-hop headers stay inside.
     */
    private static DefaultHeaderFilterStrategy headerFilter() {
        DefaultHeaderFilterStrategy filter = new DefaultHeaderFilterStrategy();
        filter.setOutFilterStartsWith(DefaultHeaderFilterStrategy.CAMEL_FILTER_STARTS_WITH);
        filter.setInFilterStartsWith(DefaultHeaderFilterStrategy.CAMEL_FILTER_STARTS_WITH);
        filter.setLowerCase(true);
        filter.getOutFilter().addAll(List.of("connection", "keep-alive", "transfer-encoding", "upgrade",
                "content-length", "trailer", "te"));
        return filter;
    }
}

package dev.ferry.storefront;

import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.acdl.AcdlParser;
import dev.ferry.storefront.http.StorefrontCors;
import dev.ferry.storefront.http.StorefrontHttpHandler;
import dev.ferry.storefront.http.StorefrontSnippet;
import dev.ferry.storefront.http.StorefrontStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the collector's HTTP endpoints ({@code POST …/events} and the snippet, {@code GET …/ferry.js}) as
 * platform-http consumers on the application's HTTP server (Camel's
 * embedded Vert.x server under {@code camel.server.*}, or the platform's own) and, for each request, runs the
 * route with the accepted events before the request is answered.
 */
public class StorefrontConsumer extends DefaultConsumer implements StorefrontStore, Suspendable {

    private Consumer events;
    private Consumer snippet;

    StorefrontConsumer(StorefrontEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public StorefrontEndpoint getEndpoint() {
        return (StorefrontEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        StorefrontEndpoint endpoint = getEndpoint();
        StorefrontHttpHandler handler = new StorefrontHttpHandler(new AcdlParser(endpoint.limits()), endpoint.mapper(),
                this, endpoint.getCookieDomain(), endpoint.getRetryAfter(),
                StorefrontCors.of(endpoint.getAllowedOrigins()));
        events = httpConsumer(endpoint.getBasePath() + "/events", "POST,OPTIONS", handler);
        if (endpoint.isSnippet()) {
            snippet = httpConsumer(endpoint.getBasePath() + "/ferry.js", "GET", new StorefrontSnippet());
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownServices(snippet, events);
        events = null;
        snippet = null;
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        // A suspended platform-http consumer answers 503, so a suspended route stores nothing.
        ServiceHelper.suspendServices(httpConsumers());
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeServices(httpConsumers());
        super.doResume();
    }

    private List<Consumer> httpConsumers() {
        List<Consumer> consumers = new ArrayList<>();
        if (events != null) {
            consumers.add(events);
        }
        if (snippet != null) {
            consumers.add(snippet);
        }
        return consumers;
    }

    private Consumer httpConsumer(String path, String methods, Processor handler) throws Exception {
        CamelContext context = getEndpoint().getCamelContext();
        PlatformHttpEndpoint http;
        try {
            http = context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=" + methods
                    + "&muteException=true", PlatformHttpEndpoint.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("storefront:" + getEndpoint().getName() + " needs an HTTP server: put "
                    + "camel-platform-http-main (camel.server.enabled=true) or another platform-http engine on the "
                    + "classpath (" + e.getMessage() + ")", e);
        }
        // Let through what the collector sets on purpose (Cache-Control included); Camel's own headers stay inside.
        HttpHeaderFilterStrategy headers = new HttpHeaderFilterStrategy();
        headers.getOutFilter().remove("cache-control");
        http.setHeaderFilterStrategy(headers);
        Consumer consumer = http.createConsumer(handler);
        ServiceHelper.startService(consumer);
        return consumer;
    }

    /** Runs the route with the events, synchronously; a failed outcome means nothing may be acknowledged. */
    @Override
    public Outcome store(List<XdmEvent> accepted) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(accepted);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                getEndpoint().storeFailed();
                return Outcome.failed(failure);
            }
            return Outcome.STORED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @Override
    public void counted(int accepted, int rejected, int optedOut) {
        getEndpoint().counted(accepted, rejected, optedOut);
    }

    @Override
    public void refused() {
        getEndpoint().refused();
    }
}

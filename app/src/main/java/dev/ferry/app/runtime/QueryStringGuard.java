package dev.ferry.app.runtime;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ahead of every endpoint of the business port and answers 400 to a query string that is not valid
 * percent-encoding. Platform-http decodes the query of every request it hands to a route; one that does not decode
 * fails the request inside Vert.x's router, which answers 400 too but logs the failure as an ERROR with a stack trace
 * that quotes the whole query: anyone could fill Ferry's log with them, and with whatever the query holds. Here such a
 * request costs one DEBUG line, without the query.
 */
final class QueryStringGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(QueryStringGuard.class);
    private static final String REFUSAL = "{\"error\":\"the query string is not valid percent-encoded UTF-8\"}";

    private QueryStringGuard() {
    }

    /**
     * Mounts the guard on the business port's router. Camel creates that router while it starts, so this runs right
     * after start: a request in the moment between is still answered 400, with the ERROR line.
     */
    static void mount(CamelContext camel) {
        MainHttpServer server = camel.hasService(MainHttpServer.class);
        if (server == null || server.getRouter() == null) {
            throw new IllegalStateException("the business HTTP server is not running; Ferry's endpoints need it");
        }
        // Order -1 puts the guard ahead of the routes of the platform-http consumers, whatever their order.
        server.getRouter().route().order(-1).handler(new QueryStringGuard());
    }

    @Override
    public void handle(RoutingContext context) {
        try {
            // The decoding platform-http does; it keeps the result, so the endpoint does not decode again.
            context.queryParams();
        } catch (HttpException malformed) {
            LOG.debug("400 to {} {}: the query string is not valid percent-encoding", context.request().method(),
                    context.normalizedPath());
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(REFUSAL);
            return;
        }
        context.next();
    }
}

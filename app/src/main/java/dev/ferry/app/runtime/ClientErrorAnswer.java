package dev.ferry.app.runtime;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request a handler failed with a client error status, such as the 413 to a body over the limit, and logs
 * one DEBUG line. Without it the failure reaches the top-level router of the port, which answers the same status but
 * logs an ERROR "Unhandled exception in router": anyone could fill the log with them. Other failures pass on, and
 * stay ERRORs.
 */
final class ClientErrorAnswer implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientErrorAnswer.class);

    private ClientErrorAnswer() {
    }

    /** Mounts the answer on the routers of both ports; runs right after Camel has started the servers. */
    static void mount(CamelContext camel) {
        mountOn(camel.hasService(MainHttpServer.class).getRouter());
        mountOn(camel.hasService(ManagementHttpServer.class).getRouter());
    }

    private static void mountOn(Router router) {
        // Order -2: ahead of every failure handler Camel or Ferry may add.
        router.route().order(-2).failureHandler(new ClientErrorAnswer());
    }

    @Override
    public void handle(RoutingContext context) {
        int status = context.failure() instanceof HttpException client ? client.getStatusCode() : context.statusCode();
        if (status < 400 || status > 499) {
            context.next();
            return;
        }
        LOG.debug("{} to {} {}", status, context.request().method(), context.normalizedPath());
        if (!context.response().ended()) {
            context.response().setStatusCode(status).end();
        }
    }
}

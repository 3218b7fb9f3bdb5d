package dev.ferry.app.runtime;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Vert.x's ERROR for a request path that is not valid percent-encoding ({@code GET /v1/storefront/%zz}) into
 * one DEBUG line. Vert.x decodes the path while the top-level router of each port matches its first route, before
 * any handler Camel lets Ferry add; it answers 400 and logs the failure as "Unhandled exception in router" with a
 * stack trace, so anyone could fill the log with them. Every other event of that logger passes: a handler's failure
 * is still an ERROR.
 */
final class UndecodablePathFilter extends AbstractFilter {

    /** The logger of Vert.x's RoutingContextImplBase. */
    static final String VERTX_ROUTER_LOGGER = "io.vertx.ext.web.RoutingContext";
    private static final Logger LOG = LoggerFactory.getLogger(UndecodablePathFilter.class);

    private UndecodablePathFilter() {
        super(Filter.Result.DENY, Filter.Result.NEUTRAL);
    }

    /** Puts the filter on Vert.x's router logger; with another logging backend than Log4j there is nothing to do. */
    static void install() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return;
        }
        Configuration configuration = context.getConfiguration();
        LoggerConfig inherited = configuration.getLoggerConfig(VERTX_ROUTER_LOGGER);
        LoggerConfig routerLogger = inherited;
        if (!inherited.getName().equals(VERTX_ROUTER_LOGGER)) {
            // A logger of its own, without appenders, so the filter touches no other Vert.x logger.
            routerLogger = LoggerConfig.newBuilder().withLoggerName(VERTX_ROUTER_LOGGER)
                    .withLevel(inherited.getLevel()).withAdditivity(true).withConfig(configuration).build();
            configuration.addLogger(VERTX_ROUTER_LOGGER, routerLogger);
        }
        routerLogger.addFilter(new UndecodablePathFilter());
        context.updateLoggers();
    }

    @Override
    public Result filter(LogEvent event) {
        if (!thrownWhileMatchingARoute(event.getThrown())) {
            return onMismatch;
        }
        LOG.debug("400 to a request whose path is not valid percent-encoding");
        return onMatch;
    }

    /**
     * Vert.x answers 400 to an IllegalArgumentException thrown while a route is matched, and only there is a
     * request's path decoded; the same exception thrown by a handler is answered 500.
     */
    static boolean thrownWhileMatchingARoute(Throwable thrown) {
        if (!(thrown instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals("io.vertx.ext.web.impl.RouteState")
                    && frame.getMethodName().equals("matches")) {
                return true;
            }
        }
        return false;
    }
}

package dev.ferry.sandbox.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation's parsing and validation on Vert.x's worker pool, keeping the event loops free for I/O, and
 * sends the resulting reply back on the request's event loop. Unordered, so requests are validated in parallel.
 */
public final class Offload {

    private static final Logger LOG = LoggerFactory.getLogger(Offload.class);

    private Offload() {
    }

    public static void reply(Vertx vertx, RoutingContext ctx, Callable<Reply> work) {
        vertx.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                result.result().send(ctx);
            } else {
                LOG.error("sandbox failed to serve {} {}", ctx.request().method(), ctx.request().path(),
                        result.cause());
                Reply.plainProblem(500, "Internal Server Error", String.valueOf(result.cause())).send(ctx);
            }
        });
    }
}

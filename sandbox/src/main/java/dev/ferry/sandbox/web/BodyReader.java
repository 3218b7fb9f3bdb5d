package dev.ferry.sandbox.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongFunction;

/**
 * Reads a request body up to AEP's size limit for the endpoint, then passes the request on.
 *
 * <p>An oversize body is still read to its end, keeping nothing past the limit, before the 413 answer is sent:
 * closing the connection while the client is still sending would show it a reset connection instead of AEP's
 * answer.
 */
public final class BodyReader implements Handler<RoutingContext> {

    private static final String BODY_KEY = "dev.ferry.sandbox.body";

    private final long limitBytes;
    private final LongFunction<Reply> tooLarge;

    /**
     * @param limitBytes the largest body accepted
     * @param tooLarge   the endpoint's 413 answer, given the size that was refused
     */
    public BodyReader(long limitBytes, LongFunction<Reply> tooLarge) {
        this.limitBytes = limitBytes;
        this.tooLarge = tooLarge;
    }

    /** The body that this reader collected for the request. */
    public static byte[] body(RoutingContext ctx) {
        byte[] body = ctx.get(BODY_KEY);
        return body == null ? new byte[0] : body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        BodyBytes body = new BodyBytes(declared > 0 && declared <= limitBytes ? (int) declared : 1024);
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= limitBytes) {
                body.append(chunk);
            }
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(done -> {
            if (received[0] > limitBytes) {
                tooLarge.apply(received[0]).send(ctx);
            } else {
                ctx.put(BODY_KEY, body.toArray());
                ctx.next();
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

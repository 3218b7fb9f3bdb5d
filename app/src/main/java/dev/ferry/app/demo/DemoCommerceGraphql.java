package dev.ferry.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.core.xdm.Xdm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for Commerce's GraphQL endpoint, for the demo only: the demo has no Magento, yet Ferry's GraphQL proxy
 * needs an upstream to show the {@code aep-segments-membership} header it adds. Every GraphQL request, whatever its
 * query, is answered with {@code {"data":{"ferryDemo":{"aepSegmentsMembership":<the header received, or null>}}}}.
 * It listens on a free loopback port.
 */
public final class DemoCommerceGraphql implements AutoCloseable {

    private static final String MEMBERSHIP_HEADER = "aep-segments-membership";

    private final HttpServer server;

    private DemoCommerceGraphql(HttpServer server) {
        this.server = server;
    }

    public static DemoCommerceGraphql start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/graphql", DemoCommerceGraphql::answer);
            server.start();
            return new DemoCommerceGraphql(server);
        } catch (IOException e) {
            throw new IllegalStateException("the demo's Commerce GraphQL stand-in could not start: " + e.getMessage(), e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            var answer = Xdm.JSON.createObjectNode();
            answer.putObject("data").putObject("ferryDemo")
                    .put("aepSegmentsMembership", exchange.getRequestHeaders().getFirst(MEMBERSHIP_HEADER));
            byte[] body = Xdm.JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=" + StandardCharsets.UTF_8.name());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** {@code http://127.0.0.1:PORT/graphql}, the upstream Ferry's proxy forwards to. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/graphql";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.ferry.audiences.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GraphQL proxy on requests a hostile client can send, as platform-http hands them over (inputs the fuzz test found). */
class GraphqlProxyTest {

    private final List<String> upstreamQueries = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private CamelContext camel;
    private GraphqlProxy proxy;

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/graphql", exchange -> {
            upstreamQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] answer = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        camel = new DefaultCamelContext();
        // No lookup: the requests below identify no shopper, so the proxy never asks for a membership.
        proxy = new GraphqlProxy(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/graphql"), null,
                Duration.ofSeconds(5), 1024);
    }

    @AfterEach
    void stop() throws Exception {
        upstream.stop(0);
        camel.close();
    }

    @Test
    void aQueryStringThatIsNoValidUriIs400AndNotForwarded() throws Exception {
        for (String rawQuery : List.of("query=^&x=`", "query={ customerCart { id } }", "a=%zz", "query=|\\")) {
            Exchange exchange = get(rawQuery);

            proxy.process(exchange);

            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as(rawQuery).isEqualTo(400);
            assertThat(exchange.getMessage().getBody(String.class)).contains("not a valid URI query");
        }
        assertThat(upstreamQueries).isEmpty();
    }

    @Test
    void headersHttpCannotCarryAreDroppedAndTheRequestIsStillForwarded() throws Exception {
        Exchange exchange = get("a[]=1&%20=x");
        // platform-http copies query parameters into the headers: names such as "a[]" and " " are no HTTP tokens.
        exchange.getIn().setHeader("a[]", "1");
        exchange.getIn().setHeader(" ", "x");
        exchange.getIn().setHeader("X-Odd", "line\nbreak");

        proxy.process(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(upstreamQueries).containsExactly("a[]=1&%20=x");
    }

    private Exchange get(String rawQuery) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getIn().setHeader(Exchange.HTTP_QUERY, rawQuery);
        return exchange;
    }
}

package dev.ferry.audiences.http;

import dev.ferry.core.security.BearerToken;
import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.intake.DestinationRejection;
import dev.ferry.audiences.lookup.CommerceCustomerToken;
import dev.ferry.audiences.lookup.Membership;
import dev.ferry.audiences.lookup.MembershipLookup;
import dev.ferry.core.identity.Identities;
import dev.ferry.core.xdm.Xdm;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST /graphql}: forwards the request to Commerce's GraphQL endpoint as it came (method, query string,
 * headers, body) and the answer back as it came (status, headers, body, GraphQL errors), adding
 * {@code aep-segments-membership} for the shopper the request identifies: the customer of a Commerce customer
 * bearer token, otherwise the {@code ferry_fpid} cookie. A client's own {@code aep-segments-membership} header is
 * dropped, so no shopper can claim an audience. A form body (which Commerce's GraphQL does not take either) is
 * refused with 415, since the HTTP engine has parsed it already. Platform-http copies query parameters into the headers and the
 * exchange's headers into the response; only genuine request headers are forwarded and only the upstream's
 * headers answered.
 */
public final class GraphqlProxy implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphqlProxy.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings", Membership.HEADER);

    private final URI upstream;
    private final MembershipLookup lookup;
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    public GraphqlProxy(URI upstream, MembershipLookup lookup, Duration timeout, int maxBodyBytes) {
        this.upstream = upstream;
        this.lookup = lookup;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        // One client for every request, so connections to Commerce are kept alive and reused. Its completions run
        // on the client's selector thread rather than being handed to a pool thread first: one thread hop less
        // per request, and safe because the only body handler, ofByteArray, never blocks.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).executor(Runnable::run).build();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        String method = AudiencesRequest.method(in);
        String rawQuery = AudiencesRequest.header(in, Exchange.HTTP_QUERY);
        if (!"GET".equals(method) && AudiencesRequest.isForm(in)) {
            graphqlError(exchange, 415, "send GraphQL as application/json (POST) or in the query string (GET)");
            return;
        }
        URI target;
        Map<String, String> queryParameters;
        try {
            target = target(rawQuery);
            queryParameters = LookupHandler.query(rawQuery);
        } catch (IllegalArgumentException malformed) {
            graphqlError(exchange, 400, "the query string is not a valid URI query (percent-encode it)");
            return;
        }
        byte[] body;
        try {
            body = "GET".equals(method) ? new byte[0] : AudiencesRequest.body(exchange, maxBodyBytes);
        } catch (DestinationRejection rejection) {
            graphqlError(exchange, rejection.status(), rejection.getMessage());
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, body.length == 0 && "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            if (forwarded(header.getKey(), header.getValue(), queryParameters)) {
                for (Object value : values(header.getValue())) {
                    try {
                        request.header(header.getKey(), String.valueOf(value));
                    } catch (IllegalArgumentException notSendable) {
                        // A name or value HTTP does not allow, such as a query parameter "a[]" platform-http copied
                        // into the headers: it cannot be sent, so it is not forwarded.
                    }
                }
            }
        }
        String host = AudiencesRequest.header(in, "Host");
        if (host != null && in.getHeader("X-Forwarded-Host") == null) {
            request.header("X-Forwarded-Host", host);
        }
        Membership membership = membership(in);
        if (!membership.isEmpty()) {
            request.header(Membership.HEADER, membership.headerValue());
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            LOG.warn("graphql proxy: {} is unreachable: {}", upstream, e.getMessage());
            graphqlError(exchange, 502, "the Commerce GraphQL endpoint cannot be reached");
            return;
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.statusCode());
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.startsWith(":")) {
                out.setHeader(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
            }
        });
        out.setBody(ByteBuffer.wrap(response.body())); // written at once, as AudiencesAnswer explains
    }

    private URI target(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return upstream;
        }
        String base = upstream.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + rawQuery);
    }

    /** The membership of the shopper the request identifies; none when it identifies nobody or the store fails. */
    private Membership membership(Message in) {
        AudienceIdentity shopper = shopper(in);
        if (shopper == null) {
            return Membership.none();
        }
        try {
            return lookup.find(shopper);
        } catch (RuntimeException e) {
            LOG.warn("graphql proxy: membership unavailable, forwarding without it: {}", e.getMessage());
            return Membership.none();
        }
    }

    private static AudienceIdentity shopper(Message in) {
        OptionalLong customer = CommerceCustomerToken.customerId(
                BearerToken.of(AudiencesRequest.header(in, "Authorization")));
        if (customer.isPresent()) {
            return AudienceIdentity.customer(customer.getAsLong());
        }
        String fpid = AudiencesRequest.cookie(in, OwnMembershipHandler.FPID_COOKIE);
        return fpid != null && Identities.isFpid(fpid) ? AudienceIdentity.fpid(fpid) : null;
    }

    /**
     * A genuine request header: not Camel's own, not hop-by-hop, not the membership header, and not a query
     * parameter platform-http copied into the headers (same name, same value).
     */
    private static boolean forwarded(String name, Object value, Map<String, String> queryParameters) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("camel") || lower.startsWith("org.apache.camel") || NOT_FORWARDED.contains(lower)) {
            return false;
        }
        for (Map.Entry<String, String> parameter : queryParameters.entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(name)) {
                List<Object> values = values(value);
                if (!values.isEmpty() && String.valueOf(values.get(0)).equals(parameter.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Object> values(Object value) {
        if (value instanceof Iterable<?> iterable) {
            List<Object> values = new java.util.ArrayList<>();
            iterable.forEach(values::add);
            return values;
        }
        return value == null ? List.of() : List.of(value);
    }

    private static void graphqlError(Exchange exchange, int status, String message) {
        var body = Xdm.JSON.createObjectNode();
        body.putArray("errors").addObject().put("message", message);
        AudiencesAnswer.json(status, body).writeTo(exchange);
    }
}

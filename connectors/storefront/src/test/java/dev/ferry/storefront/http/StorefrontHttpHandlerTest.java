package dev.ferry.storefront.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.StorefrontEventMapper;
import dev.ferry.storefront.acdl.AcdlLimits;
import dev.ferry.storefront.acdl.AcdlParser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The handler on exchanges shaped as platform-http builds them, with the route replaced by a recording store. */
class StorefrontHttpHandlerTest {

    private static final String PAGE_VIEW = "[{\"event\": \"page-view\", \"eventInfo\": {}}]";
    private static final String FPID = "0c2f7a8e-3d4b-4f6a-9b1c-5e7d9f0a1b2c";

    private final CamelContext camel = new DefaultCamelContext();
    private final RecordingStore store = new RecordingStore();
    private final StorefrontHttpHandler handler = new StorefrontHttpHandler(
            new AcdlParser(new AcdlLimits(2048, 1024, 10, 16)),
            new StorefrontEventMapper(true, Duration.ofMinutes(1)), store, null, 5, StorefrontCors.of(null));

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange post(Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.HTTP_URL, "http://collect.example.com/v1/storefront/events");
        exchange.getIn().setHeader("Host", "collect.example.com");
        exchange.getIn().setHeader("Content-Type", "application/json");
        headers.forEach(exchange.getIn()::setHeader);
        exchange.getIn().setBody(body);
        handler.process(exchange);
        return exchange;
    }

    private static int status(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        return Xdm.JSON.readTree(exchange.getMessage().getBody(byte[].class));
    }

    @Test
    void acceptedEventsReachTheStoreAsXdmEventsBeforeThe202() throws Exception {
        Exchange exchange = post(PAGE_VIEW.getBytes(StandardCharsets.UTF_8), Map.of("Cookie", "ferry_fpid=" + FPID));

        assertThat(status(exchange)).isEqualTo(202);
        assertThat(json(exchange).toString()).isEqualTo("{\"accepted\":1,\"rejected\":[]}");
        assertThat(store.stored).hasSize(1);
        assertThat(store.stored.get(0).eventType()).isEqualTo("web.webpagedetails.pageViews");
        assertThat(store.stored.get(0).partitionKey()).isEqualTo(FPID);
    }

    @Test
    void everyRequestHeaderIsClearedSoOnlyTheAnswersHeadersRemain() {
        Exchange exchange = post(PAGE_VIEW, Map.of("X-Internal", "secret", "Cookie", "ferry_fpid=" + FPID));

        assertThat(exchange.getMessage().getHeaders().keySet())
                .containsExactlyInAnyOrder(Exchange.HTTP_RESPONSE_CODE, "Content-Type");
    }

    @Test
    void aShopperBehindATlsProxyGetsASecureCookie() {
        Exchange exchange = post(PAGE_VIEW, Map.of("X-Forwarded-Proto", "https"));

        assertThat(exchange.getMessage().getHeader("Set-Cookie", String.class))
                .startsWith("ferry_fpid=").endsWith("; SameSite=Lax; HttpOnly; Secure");
    }

    @Test
    void anFpidHeaderIsUsedAndPutIntoACookie() {
        Exchange exchange = post(PAGE_VIEW, Map.of("X-Ferry-Fpid", FPID));

        assertThat(store.stored.get(0).partitionKey()).isEqualTo(FPID);
        assertThat(exchange.getMessage().getHeader("Set-Cookie", String.class)).startsWith("ferry_fpid=" + FPID + ";");
    }

    @Test
    void aStreamedBodyIsReadOnlyUpToTheLimit() throws Exception {
        Exchange small = post(new ByteArrayInputStream(PAGE_VIEW.getBytes(StandardCharsets.UTF_8)), Map.of());
        Exchange large = post(new ByteArrayInputStream(new byte[1 << 20]), Map.of());

        assertThat(status(small)).isEqualTo(202);
        assertThat(status(large)).isEqualTo(413);
        assertThat(json(large).path("error").asText()).isEqualTo("the body is larger than the limit of 2048 bytes");
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        Exchange exchange = post(PAGE_VIEW, Map.of("Content-Length", "999999"));

        assertThat(status(exchange)).isEqualTo(413);
        assertThat(json(exchange).path("error").asText()).isEqualTo("the body is 999999 bytes; the limit is 2048");
        assertThat(store.refused).isEqualTo(1);
    }

    @Test
    void jsonMediaTypesAreAcceptedInUtf8Only() throws Exception {
        assertThat(status(post(PAGE_VIEW, Map.of("Content-Type", "application/json; charset=UTF-8")))).isEqualTo(202);
        assertThat(status(post(PAGE_VIEW, Map.of("Content-Type", "application/vnd.ferry.events+json")))).isEqualTo(202);
        Exchange utf16 = post(PAGE_VIEW, Map.of("Content-Type", "application/json; charset=utf-16"));
        Exchange missing = post(PAGE_VIEW, Map.of("Content-Type", ""));

        assertThat(status(utf16)).isEqualTo(415);
        assertThat(json(utf16).path("error").asText()).isEqualTo("the body must be UTF-8, not utf-16");
        assertThat(status(missing)).isEqualTo(415);
    }

    @Test
    void whenTheRouteCannotStoreTheAnswerIs503WithRetryAfterAndNothingIsCountedAsAccepted() throws Exception {
        store.failWith = new IllegalStateException("state database down");

        Exchange exchange = post(PAGE_VIEW, Map.of());

        assertThat(status(exchange)).isEqualTo(503);
        assertThat(exchange.getMessage().getHeader("Retry-After", String.class)).isEqualTo("5");
        assertThat(json(exchange).path("error").asText()).isEqualTo("the events could not be stored; retry later");
        assertThat(store.accepted).isZero();
    }

    @Test
    void whenTheOutboxIsAboveItsHighWaterMarkTheAnswerIs429WithItsRetryAfter() throws Exception {
        store.failWith = new RuntimeException(new dev.ferry.core.outbox.OutboxFullException("outbox edge is full",
                java.time.Duration.ofSeconds(9)));

        Exchange exchange = post(PAGE_VIEW, Map.of());

        assertThat(status(exchange)).isEqualTo(429);
        assertThat(exchange.getMessage().getHeader("Retry-After", String.class)).isEqualTo("9");
        assertThat(store.accepted).isZero();
    }

    @Test
    void afterA429TheNextRequestsAreRefusedBeforeTheirBodyIsReadUntilASecondHasPassed() throws Exception {
        store.failWith = new dev.ferry.core.outbox.OutboxFullException("outbox edge is full",
                java.time.Duration.ofSeconds(9));
        post(PAGE_VIEW, Map.of());
        store.failWith = null;
        UnreadBody body = new UnreadBody();

        Exchange refused = post(body, Map.of());

        assertThat(status(refused)).isEqualTo(429);
        assertThat(refused.getMessage().getHeader("Retry-After", String.class)).isEqualTo("9");
        assertThat(body.read).isFalse();
        await().atMost(Duration.ofSeconds(3))
                .until(() -> status(post(PAGE_VIEW, Map.of("Cookie", "ferry_fpid=" + FPID))) == 202);
        assertThat(store.stored).hasSize(1);
    }

    @Test
    void anUnexpectedFailureIsA500WithOneLineAndNoStackTrace() throws Exception {
        store.explode = true;

        Exchange exchange = post(PAGE_VIEW, Map.of());

        assertThat(status(exchange)).isEqualTo(500);
        assertThat(json(exchange).toString()).isEqualTo("{\"error\":\"the collector failed; retry later\"}");
    }

    @Test
    void aCrossOriginPostFromAnUnlistedOriginIsRefused() throws Exception {
        Exchange exchange = post(PAGE_VIEW, Map.of("Origin", "https://evil.example.net"));

        assertThat(status(exchange)).isEqualTo(403);
        assertThat(json(exchange).path("error").asText())
                .isEqualTo("origin https://evil.example.net may not post events");
        assertThat(store.stored).isEmpty();
    }

    /** A request body that records whether anyone read it. */
    private static final class UnreadBody extends java.io.InputStream {
        volatile boolean read;

        @Override
        public int read() {
            read = true;
            return -1;
        }
    }

    private static final class RecordingStore implements StorefrontStore {

        final List<XdmEvent> stored = new ArrayList<>();
        Exception failWith;
        boolean explode;
        int accepted;
        int refused;

        @Override
        public Outcome store(List<XdmEvent> events) {
            if (explode) {
                throw new IllegalStateException("boom\nwith a second line");
            }
            if (failWith != null) {
                return Outcome.failed(failWith);
            }
            stored.addAll(events);
            return Outcome.STORED;
        }

        @Override
        public void counted(int accepted, int rejected, int optedOut) {
            this.accepted += accepted;
        }

        @Override
        public void refused() {
            refused++;
        }
    }
}

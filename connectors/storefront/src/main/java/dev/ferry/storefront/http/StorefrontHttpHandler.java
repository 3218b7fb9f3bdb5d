package dev.ferry.storefront.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.identity.PersonalData;
import dev.ferry.core.outbox.OutboxFullException;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.StorefrontEventMapper;
import dev.ferry.storefront.acdl.AcdlBatch;
import dev.ferry.storefront.acdl.AcdlParser;
import dev.ferry.storefront.acdl.AcdlRejection;
import dev.ferry.storefront.identity.Consent;
import dev.ferry.storefront.identity.FpidCookie;
import dev.ferry.storefront.identity.RequestCookies;
import dev.ferry.storefront.identity.ShopperIdentity;
import dev.ferry.storefront.mapping.MappingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code POST …/events}: checks the request (content type, size), reads the events, maps each one (rejecting bad
 * ones alone, dropping those of shoppers who opted out), has the route store the accepted ones, and only then
 * answers {@code 202 {"accepted": N, "rejected": [{"index": i, "error": "…"}]}}. A request refused as a whole gets
 * a 4xx with {@code {"error": "…"}} and nothing of it is stored; when the route cannot store the events the answer
 * is 503 with Retry-After, or 429 with Retry-After when the outbox is above its high-water mark (and, for the
 * second after that, 429 to every request before its body is parsed).
 */
public final class StorefrontHttpHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(StorefrontHttpHandler.class);

    private final AcdlParser parser;
    private final StorefrontEventMapper mapper;
    private final StorefrontStore store;
    private final String cookieDomain;
    private final int retryAfterSeconds;
    private final StorefrontCors cors;
    private final FullOutboxWindow fullOutbox = new FullOutboxWindow();

    public StorefrontHttpHandler(AcdlParser parser, StorefrontEventMapper mapper, StorefrontStore store,
                                 String cookieDomain, int retryAfterSeconds, StorefrontCors cors) {
        this.parser = parser;
        this.mapper = mapper;
        this.store = store;
        this.cookieDomain = cookieDomain;
        this.retryAfterSeconds = retryAfterSeconds;
        this.cors = cors;
    }

    @Override
    public void process(Exchange exchange) {
        StorefrontRequest request = StorefrontRequest.of(exchange);
        StorefrontAnswer answer;
        try {
            answer = answer(exchange, request);
        } catch (RuntimeException e) {
            LOG.error("storefront collector: unexpected failure on {} {}", request.method(), request.path(), e);
            answer = StorefrontAnswer.error(500, "the collector failed; retry later");
        }
        cors.decorate(request, answer);
        answer.writeTo(exchange);
    }

    private StorefrontAnswer answer(Exchange exchange, StorefrontRequest request) {
        if ("OPTIONS".equals(request.method())) {
            return cors.preflight(request, "POST, OPTIONS");
        }
        if (!"POST".equals(request.method())) {
            return StorefrontAnswer.error(405, "use POST").header("Allow", "POST, OPTIONS");
        }
        if (!cors.allows(request)) {
            store.refused();
            return StorefrontAnswer.error(403, "origin " + request.origin() + " may not post events");
        }
        OptionalLong stillFull = fullOutbox.retryAfter();
        if (stillFull.isPresent()) {
            return outboxFull(stillFull.getAsLong());
        }
        try {
            checkContentType(request.contentType());
            long declared = request.contentLength();
            if (declared > parser.limits().maxBatchBytes()) {
                throw new AcdlRejection(413, "the body is " + declared + " bytes; the limit is "
                        + parser.limits().maxBatchBytes());
            }
            AcdlBatch batch = parser.parse(body(exchange, parser.limits().maxBatchBytes()));
            return collect(batch, request);
        } catch (AcdlRejection rejection) {
            store.refused();
            LOG.debug("storefront collector: refused a request: {} {}", rejection.status(), rejection.getMessage());
            return StorefrontAnswer.error(rejection.status(), rejection.getMessage());
        }
    }

    private StorefrontAnswer collect(AcdlBatch batch, StorefrontRequest request) {
        RequestCookies cookies = RequestCookies.parse(request.cookie());
        boolean doNotTrack = Consent.optedOut(cookies);
        ShopperIdentity shopper = null;
        List<XdmEvent> accepted = new ArrayList<>();
        ArrayNode rejected = Xdm.JSON.createArrayNode();
        int optedOut = 0;
        for (AcdlBatch.Entry entry : batch.entries()) {
            if (entry.isRejected()) {
                reject(rejected, entry.index(), entry.error());
            } else if (doNotTrack || entry.event().optedOut()) {
                optedOut++;
            } else {
                if (shopper == null) {
                    shopper = FpidCookie.resolve(cookies, request.fpidHeader());
                }
                try {
                    accepted.add(mapper.map(entry.event(), shopper.fpid(), request.userAgent(), request.receivedAt()));
                } catch (MappingException e) {
                    reject(rejected, entry.index(), e.getMessage());
                }
            }
        }
        StorefrontAnswer answer;
        if (!accepted.isEmpty()) {
            StorefrontStore.Outcome outcome = store.store(accepted);
            java.util.Optional<OutboxFullException> full = OutboxFullException.in(outcome.failure());
            if (full.isPresent()) {
                long wait = full.get().retryAfter().map(java.time.Duration::toSeconds).orElse((long) retryAfterSeconds);
                fullOutbox.open(wait);
                return withCookie(outboxFull(wait), shopper, request);
            }
            if (!outcome.stored()) {
                LOG.warn("storefront collector: {} event(s) not stored, answered 503: {}", accepted.size(),
                        oneLine(outcome.failure()));
                answer = StorefrontAnswer.error(503, "the events could not be stored; retry later")
                        .header("Retry-After", Integer.toString(retryAfterSeconds));
                return withCookie(answer, shopper, request);
            }
        }
        store.counted(accepted.size(), rejected.size(), optedOut);
        if (!rejected.isEmpty()) {
            // The reasons quote the values at fault, and a shopper's value may be an email address.
            LOG.debug("storefront collector: {} event(s) rejected: {}", rejected.size(),
                    PersonalData.mask(rejected.toString()));
        }
        ObjectNode body = Xdm.JSON.createObjectNode();
        body.put("accepted", accepted.size());
        body.set("rejected", rejected);
        return withCookie(StorefrontAnswer.json(202, body), shopper, request);
    }

    private static StorefrontAnswer outboxFull(long retryAfterSeconds) {
        return StorefrontAnswer.error(429, "Ferry's outbox is above its high-water mark; retry later")
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }

    private StorefrontAnswer withCookie(StorefrontAnswer answer, ShopperIdentity shopper, StorefrontRequest request) {
        if (shopper != null && shopper.setCookie()) {
            answer.header("Set-Cookie", FpidCookie.setCookie(shopper.fpid(), request.secure(), cookieDomain));
        }
        return answer;
    }

    private static void reject(ArrayNode rejected, int index, String error) {
        rejected.addObject().put("index", index).put("error", error);
    }

    private static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new AcdlRejection(415, "Content-Type must be application/json");
        }
        String[] parts = contentType.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new AcdlRejection(415, "Content-Type must be application/json, not " + abbreviate(media));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")
                    && !parameter.equals("charset=\"utf-8\"")) {
                throw new AcdlRejection(415, "the body must be UTF-8, not " + abbreviate(parameter.substring(8)));
            }
        }
    }

    /** The body, read up to one byte beyond the limit so an oversized body is recognised without reading it all. */
    private static byte[] body(Exchange exchange, int limit) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try {
            if (body instanceof InputStream stream) {
                return bounded(stream, limit);
            }
            byte[] bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
            if (bytes != null) {
                return bytes;
            }
            try (InputStream stream = exchange.getContext().getTypeConverter()
                    .mandatoryConvertTo(InputStream.class, exchange, body)) {
                return bounded(stream, limit);
            }
        } catch (IOException | org.apache.camel.NoTypeConversionAvailableException e) {
            throw new AcdlRejection(400, "the body cannot be read: " + e.getMessage());
        }
    }

    private static byte[] bounded(InputStream stream, int limit) throws IOException {
        byte[] bytes = stream.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new AcdlRejection(413, "the body is larger than the limit of " + limit + " bytes");
        }
        return bytes;
    }

    static String abbreviate(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() > 60 ? single.substring(0, 60) + "…" : single;
    }

    private static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root != failure && root.getMessage() != null) {
            message += " (" + root.getMessage() + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

    static String joined(Object header) {
        if (header == null) {
            return null;
        }
        if (header instanceof Collection<?> values) {
            List<String> texts = new ArrayList<>();
            values.forEach(value -> texts.add(String.valueOf(value)));
            return String.join("; ", texts);
        }
        return header.toString();
    }
}

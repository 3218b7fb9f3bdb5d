package dev.ferry.storefront.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Instant;
import java.util.Locale;

/**
 * The parts of an HTTP request the collector reads, taken from the exchange platform-http built.
 *
 * @param secure whether the shopper's connection is TLS: the request URL is https, or a proxy in front says so
 *               ({@code X-Forwarded-Proto: https}, {@code Forwarded: proto=https})
 */
public record StorefrontRequest(String method, String path, String contentType, long contentLength, String cookie,
                                String fpidHeader, String userAgent, String origin, String host, boolean secure,
                                Instant receivedAt) {

    public static StorefrontRequest of(Exchange exchange) {
        Message in = exchange.getIn();
        String url = text(in, Exchange.HTTP_URL);
        String forwardedProto = first(text(in, "X-Forwarded-Proto"));
        String forwarded = text(in, "Forwarded");
        boolean secure = url != null && url.toLowerCase(Locale.ROOT).startsWith("https:")
                || "https".equalsIgnoreCase(forwardedProto)
                || forwarded != null && forwarded.toLowerCase(Locale.ROOT).contains("proto=https");
        String forwardedHost = first(text(in, "X-Forwarded-Host"));
        return new StorefrontRequest(
                text(in, Exchange.HTTP_METHOD),
                text(in, Exchange.HTTP_PATH),
                text(in, "Content-Type"),
                length(text(in, "Content-Length")),
                StorefrontHttpHandler.joined(in.getHeader("Cookie")),
                text(in, "X-Ferry-Fpid"),
                text(in, "User-Agent"),
                text(in, "Origin"),
                forwardedHost != null ? forwardedHost : text(in, "Host"),
                secure,
                Instant.now());
    }

    /** This collector's own origin as the browser sees it, e.g. {@code https://shop.example.com}. */
    public String ownOrigin() {
        return host == null ? null : (secure ? "https://" : "http://") + host.toLowerCase(Locale.ROOT);
    }

    private static String text(Message in, String header) {
        Object value = in.getHeader(header);
        if (value instanceof Iterable<?> values) {
            var iterator = values.iterator();
            return iterator.hasNext() ? String.valueOf(iterator.next()) : null;
        }
        return value == null ? null : value.toString();
    }

    private static String first(String listed) {
        if (listed == null) {
            return null;
        }
        int comma = listed.indexOf(',');
        return (comma < 0 ? listed : listed.substring(0, comma)).strip();
    }

    private static long length(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

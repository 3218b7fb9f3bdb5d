package dev.ferry.storefront.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may post events from a browser. Requests from the collector's own origin, and requests without an
 * {@code Origin} (not from a browser page), are always allowed; pages of another origin only when it is listed
 * (or the list is {@code *}). An allowed cross-origin request gets {@code Access-Control-Allow-Origin} with its
 * origin and {@code Access-Control-Allow-Credentials: true}, so the browser sends and keeps the ferry_fpid cookie.
 */
public final class StorefrontCors {

    static final String ALLOWED_HEADERS = "Content-Type, X-Ferry-Fpid";

    private final Set<String> allowed;
    private final boolean anyOrigin;

    private StorefrontCors(Set<String> allowed, boolean anyOrigin) {
        this.allowed = allowed;
        this.anyOrigin = anyOrigin;
    }

    /** From a comma-separated list of origins ({@code https://shop.example.com}), {@code *}, or nothing. */
    public static StorefrontCors of(String allowedOrigins) {
        Set<String> origins = allowedOrigins == null ? Set.of() : Arrays.stream(allowedOrigins.split(","))
                .map(StorefrontCors::normalise)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new StorefrontCors(origins, origins.contains("*"));
    }

    public boolean allows(StorefrontRequest request) {
        String origin = request.origin();
        return origin == null || isSameOrigin(request) || anyOrigin || allowed.contains(normalise(origin));
    }

    /** The answer to a CORS preflight ({@code OPTIONS}) for the given methods. */
    public StorefrontAnswer preflight(StorefrontRequest request, String methods) {
        if (request.origin() == null) {
            return StorefrontAnswer.empty(204).header("Allow", methods);
        }
        if (!allows(request)) {
            return StorefrontAnswer.error(403, "origin " + request.origin() + " may not post events");
        }
        return StorefrontAnswer.empty(204)
                .header("Access-Control-Allow-Methods", methods)
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "600");
    }

    /** Adds the CORS answer headers to an answer for an allowed cross-origin request. */
    public void decorate(StorefrontRequest request, StorefrontAnswer answer) {
        if (request.origin() != null && !isSameOrigin(request) && allows(request)) {
            answer.header("Access-Control-Allow-Origin", request.origin())
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Vary", "Origin");
        }
    }

    private static boolean isSameOrigin(StorefrontRequest request) {
        String own = request.ownOrigin();
        return own != null && own.equals(normalise(request.origin()));
    }

    private static String normalise(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}

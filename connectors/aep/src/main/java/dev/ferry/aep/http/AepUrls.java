package dev.ferry.aep.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds AEP URLs from a configured base, which users write with or without a trailing slash. */
public final class AepUrls {

    private AepUrls() {
    }

    /** The base URL followed by a path that starts with '/'. */
    public static URI of(String base, String path) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + path);
    }

    /** An id as one path segment or query value, so an id with '/' or '?' cannot change the URL's shape. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

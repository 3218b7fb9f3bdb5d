package dev.ferry.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A shared secret a caller presents as {@code Authorization: Bearer <token>}, compared in constant time. */
public final class BearerToken {

    private static final String PREFIX = "bearer ";

    private final byte[] expected;

    public BearerToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token must not be empty");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean admits(String authorization) {
        String presented = of(authorization);
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** The token inside an Authorization header, or null when it is no bearer token. */
    public static String of(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return authorization.substring(PREFIX.length()).strip();
    }
}

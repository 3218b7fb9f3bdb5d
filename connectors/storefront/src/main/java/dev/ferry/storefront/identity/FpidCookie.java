package dev.ferry.storefront.identity;

import dev.ferry.core.identity.Identities;

import java.time.Duration;
import java.util.Locale;

/**
 * The first-party device id cookie, {@code ferry_fpid}. Its value is an FPID (a UUID v4, as AEP requires); the
 * {@code X-Ferry-Fpid} header carries it where cookies cannot (a collector on another site). A request with
 * neither, or with a value that is not a UUID v4, gets a new id, and the answer sets the cookie for a year.
 */
public final class FpidCookie {

    public static final String NAME = "ferry_fpid";
    public static final String HEADER = "X-Ferry-Fpid";
    public static final Duration LIFETIME = Duration.ofDays(365);

    private FpidCookie() {
    }

    public static ShopperIdentity resolve(RequestCookies cookies, String header) {
        String fromCookie = normalise(cookies.get(NAME));
        if (fromCookie != null) {
            return new ShopperIdentity(fromCookie, false);
        }
        String fromHeader = normalise(header);
        return new ShopperIdentity(fromHeader != null ? fromHeader : Identities.newFpid(), true);
    }

    /**
     * The Set-Cookie value: a year, the whole site, {@code SameSite=Lax}, {@code HttpOnly} (the page never reads
     * it), {@code Secure} when the request came over TLS, and the domain when one is configured.
     */
    public static String setCookie(String fpid, boolean secure, String domain) {
        StringBuilder cookie = new StringBuilder(NAME).append('=').append(fpid)
                .append("; Max-Age=").append(LIFETIME.toSeconds())
                .append("; Path=/");
        if (domain != null && !domain.isBlank()) {
            cookie.append("; Domain=").append(domain.strip());
        }
        cookie.append("; SameSite=Lax; HttpOnly");
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    private static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String id = value.strip().toLowerCase(Locale.ROOT);
        return Identities.isFpid(id) ? id : null;
    }
}

package dev.ferry.storefront.identity;

/**
 * A shopper's opt-out. Adobe Commerce sets the {@code mg_dnt} cookie when a shopper declines tracking; Adobe's
 * collector then sets the Web SDK's consent to "out" (it looks only for the cookie's presence) and sends nothing.
 */
public final class Consent {

    public static final String DO_NOT_TRACK_COOKIE = "mg_dnt";

    private Consent() {
    }

    public static boolean optedOut(RequestCookies cookies) {
        return cookies.has(DO_NOT_TRACK_COOKIE);
    }
}

package dev.ferry.app.admin;

import dev.ferry.core.security.BearerToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs ahead of every handler of the management port. The admin API always needs {@code ferry.admin.token}; the
 * metrics need it once one is configured (Prometheus scrapes with {@code authorization: credentials}). Health stays
 * open, because orchestrators probe it without credentials and it shows no personal data.
 */
final class ManagementGuard implements Handler<RoutingContext> {

    static final String ADMIN_PATH = "/admin/";
    private static final String METRICS_PATH = "/observe/metrics";

    private final BearerToken token;

    /** @param token the admin token, or null when none is configured */
    ManagementGuard(BearerToken token) {
        this.token = token;
    }

    @Override
    public void handle(RoutingContext context) {
        if (!queryDecodes(context)) {
            // Camel's health handler and the admin API read the parameters; undecodable ones would throw there (500).
            AdminReplies.error(context, 400, "the query string is not valid percent-encoded UTF-8");
            return;
        }
        String path = context.normalizedPath();
        boolean admin = path.startsWith(ADMIN_PATH) || path.equals("/admin");
        boolean metrics = path.startsWith(METRICS_PATH);
        if (!admin && !(metrics && token != null)) {
            context.next();
        } else if (token == null) {
            AdminReplies.error(context, 403, "the admin API is off: set ferry.admin.token");
        } else if (!token.admits(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            AdminReplies.error(context, 401, "a valid admin bearer token is required");
        } else {
            context.next();
        }
    }

    private static boolean queryDecodes(RoutingContext context) {
        try {
            context.request().params();
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}

package dev.ferry.app.admin;

import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.security.BearerToken;
import dev.ferry.core.state.StateDatabase;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;

/**
 * Ferry's admin API on Camel's management server, beside health and metrics: the guard that asks for
 * {@code ferry.admin.token}, and the dead-letter actions.
 */
public final class AdminApi {

    private AdminApi() {
    }

    /**
     * Refuses a management port opened beyond loopback without an admin token: its metrics and admin API would then
     * answer anyone who reaches the host.
     */
    public static void checkExposure(FerryConfig config) {
        String host = config.get(FerrySetting.MANAGEMENT_HOST);
        if (config.get(FerrySetting.ADMIN_TOKEN).isBlank() && !isLoopback(host)) {
            throw new ConfigException(FerrySetting.MANAGEMENT_HOST.key() + "=" + host
                    + " opens the management port beyond this machine: set " + FerrySetting.ADMIN_TOKEN.key()
                    + " too");
        }
    }

    /**
     * Bounds every request body on the management port by the admin API's limit. Camel's management server reads a
     * whole body before any handler runs, with no limit by default: a client declaring a huge Content-Length would
     * hold its connection while Ferry waits for the bytes. Runs before Camel starts the server.
     */
    public static void limitBodies(CamelContext camel) {
        ManagementHttpServer server = camel.hasService(ManagementHttpServer.class);
        if (server != null) {
            server.setMaxBodySize((long) DeadLetterApi.MAX_BODY_BYTES);
        }
    }

    /**
     * Mounts the guard and the admin API on the management server. Camel creates that server while it starts, so
     * this runs right after start: in the moment between, the admin paths answer 404 and the metrics answer
     * without the token.
     */
    public static void mount(CamelContext camel, StateDatabase state, FerryConfig config) {
        ManagementHttpServer server = camel.hasService(ManagementHttpServer.class);
        if (server == null || server.getRouter() == null) {
            throw new IllegalStateException("the management server is not running; the admin API needs it");
        }
        Router router = server.getRouter();
        String token = config.get(FerrySetting.ADMIN_TOKEN);
        // Order -1 puts the guard ahead of the health and metrics handlers Camel mounted first.
        router.route().order(-1).handler(new ManagementGuard(token.isBlank() ? null : new BearerToken(token)));
        new DeadLetterApi(state.deadLetters()).mount(router);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

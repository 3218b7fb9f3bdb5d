package dev.ferry.sandbox.ims;

import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code POST /ims/token/v3}: Adobe IMS's OAuth server-to-server token endpoint, client credentials grant.
 *
 * <p>Errors use IMS's OAuth bodies, {@code {"error","error_description"}}, with status 400 as IMS answers them.
 */
public final class ImsTokenHandler implements Handler<RoutingContext> {

    private static final String GRANT = "client_credentials";

    private final SandboxSettings settings;
    private final TokenStore tokens;

    public ImsTokenHandler(SandboxSettings settings, TokenStore tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        reply(FormBody.parse(BodyReader.body(ctx))).send(ctx);
    }

    Reply reply(Map<String, String> form) {
        if (!GRANT.equals(form.get("grant_type"))) {
            return error("unsupported_grant_type",
                    "grant_type '" + form.getOrDefault("grant_type", "") + "' is not supported; use " + GRANT);
        }
        if (!settings.clientId().equals(form.get("client_id"))) {
            return error("invalid_client", "invalid client_id parameter");
        }
        if (!settings.clientSecret().equals(form.get("client_secret"))) {
            return error("invalid_client", "invalid client_secret parameter");
        }
        TokenStore.IssuedToken token = tokens.issue();
        return Reply.json(200, Json.object()
                .put("access_token", token.accessToken())
                .put("token_type", "bearer")
                .put("expires_in", token.expiresIn().toSeconds()));
    }

    private static Reply error(String error, String description) {
        return Reply.json(400, Json.object().put("error", error).put("error_description", description));
    }
}

package dev.ferry.sandbox.web;

import dev.ferry.sandbox.SandboxFaults;
import dev.ferry.sandbox.faults.FaultDecision;
import dev.ferry.sandbox.faults.FaultReplies;
import dev.ferry.sandbox.ims.CredentialCheck;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * What stands in front of every AEP data operation: it counts the request, checks its credentials as AEP's
 * gateway does, then lets the fault injector add latency or answer an error instead of the service.
 */
public final class ApiGuard {

    private final Vertx vertx;
    private final CredentialCheck credentials;
    private final SandboxFaults faults;
    private final SandboxStats stats;

    public ApiGuard(Vertx vertx, CredentialCheck credentials, SandboxFaults faults, SandboxStats stats) {
        this.vertx = vertx;
        this.credentials = credentials;
        this.faults = faults;
        this.stats = stats;
    }

    /** Counts a request to the API; first on the route so that refused requests are counted too. */
    public Handler<RoutingContext> count(Api api) {
        return ctx -> {
            stats.request(api);
            ctx.next();
        };
    }

    /** Checks credentials, then applies faults; runs after the body has been read. */
    public Handler<RoutingContext> guard(Api api) {
        boolean needsSandbox = api.family() == ApiFamily.PLATFORM;
        return ctx -> {
            var failure = credentials.check(ctx.request().headers(), needsSandbox);
            if (failure.isPresent()) {
                CredentialErrors.reply(api.family(), failure.get()).send(ctx);
                return;
            }
            FaultDecision decision = faults.decide(api.family().name());
            Runnable answer = () -> {
                if (decision.fails()) {
                    stats.served(decision.failStatus());
                    FaultReplies.reply(api.family(), decision).send(ctx);
                } else {
                    ctx.next();
                }
            };
            if (decision.latencyMs() > 0) {
                vertx.setTimer(decision.latencyMs(), timer -> answer.run());
            } else {
                answer.run();
            }
        };
    }
}

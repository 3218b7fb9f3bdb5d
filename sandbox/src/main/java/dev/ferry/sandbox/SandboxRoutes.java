package dev.ferry.sandbox;

import dev.ferry.sandbox.admin.AdminHandlers;
import dev.ferry.sandbox.batch.BatchHandlers;
import dev.ferry.sandbox.edge.EdgeHandlers;
import dev.ferry.sandbox.ims.ImsTokenHandler;
import dev.ferry.sandbox.ims.TokenStore;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import dev.ferry.sandbox.segmentation.AudiencesHandler;
import dev.ferry.sandbox.streaming.StreamingHandlers;
import dev.ferry.sandbox.web.Api;
import dev.ferry.sandbox.web.ApiGuard;
import dev.ferry.sandbox.web.BodyReader;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's URL map. Each AEP operation runs the same chain: count the request, read the body within AEP's
 * limit for that endpoint, check credentials and inject faults, then serve.
 */
final class SandboxRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRoutes.class);
    private static final long IMS_BODY_LIMIT = 64 * 1024;

    private SandboxRoutes() {
    }

    static Router build(Vertx vertx, SandboxParts parts) {
        Router router = Router.router(vertx);
        ApiGuard guard = parts.guard();

        router.post("/ims/token/v3")
                .handler(guard.count(Api.IMS_TOKEN))
                .handler(new BodyReader(IMS_BODY_LIMIT, size -> Reply.json(413, Json.object()
                        .put("error", "invalid_request").put("error_description", "request too large"))))
                .handler(new ImsTokenHandler(parts.settings(), parts.tokens()));

        EdgeHandlers edge = parts.edge();
        api(router.post("/ee/v2/collect"), guard, Api.EDGE_COLLECT, EdgeHandlers.bodyReader(), edge.collect());
        api(router.post("/ee/v2/interact"), guard, Api.EDGE_INTERACT, EdgeHandlers.bodyReader(), edge.interact());

        StreamingHandlers streaming = parts.streaming();
        api(router.post("/collection/batch/:connectionId"), guard, Api.STREAMING_BATCH,
                StreamingHandlers.bodyReader(), streaming.batch());
        api(router.post("/collection/:connectionId"), guard, Api.STREAMING_MESSAGE,
                StreamingHandlers.bodyReader(), streaming.single());

        BatchHandlers batches = parts.batches();
        BodyReader smallJson = new BodyReader(StreamingHandlers.MAX_REQUEST_BYTES,
                size -> Reply.plainProblem(413, "Payload Too Large", "The request body is too large."));
        api(router.post("/data/foundation/import/batches"), guard, Api.BATCH_CREATE, smallJson, batches.create());
        api(router.putWithRegex("/data/foundation/import/batches/(?<batchId>[^/]+)/datasets/(?<datasetId>[^/]+)/files/(?<fileName>.+)"),
                guard, Api.BATCH_FILE_UPLOAD, BatchHandlers.fileReader(), batches.upload());
        api(router.post("/data/foundation/import/batches/:batchId"), guard, Api.BATCH_ACTION, smallJson,
                batches.action());
        api(router.get("/data/foundation/catalog/batches/:batchId"), guard, Api.CATALOG_BATCH, smallJson,
                batches.catalog());
        api(router.get("/data/core/ups/audiences"), guard, Api.AUDIENCES, smallJson,
                new AudiencesHandler(parts.audiences()));

        parts.admin().mount(router);

        router.route().last().handler(ctx -> Reply.plainProblem(404, "Not Found",
                "The sandbox serves no " + ctx.request().method() + " " + ctx.request().path() + ".").send(ctx));
        router.route().failureHandler(SandboxRoutes::failure);
        return router;
    }

    private static void api(Route route, ApiGuard guard, Api api, BodyReader body, Handler<RoutingContext> serve) {
        route.handler(guard.count(api)).handler(body).handler(guard.guard(api)).handler(serve);
    }

    private static void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            LOG.error("sandbox failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        Reply.plainProblem(status, "Error", String.valueOf(ctx.failure())).send(ctx);
    }

    /** The components the routes serve. */
    record SandboxParts(
            SandboxSettings settings,
            TokenStore tokens,
            ApiGuard guard,
            EdgeHandlers edge,
            StreamingHandlers streaming,
            BatchHandlers batches,
            AudienceCatalog audiences,
            AdminHandlers admin) {
    }
}

package dev.ferry.sandbox.segmentation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.Reply;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /data/core/ups/audiences?start=&limit=}: the Segmentation API's paged audience list,
 * {@code {"children":[...],"_page":{"totalCount","pageSize","next"},"_links":{"next":{"href"}}}}, where
 * {@code start} is the offset of the first audience and {@code next} the offset of the following page.
 */
public final class AudiencesHandler implements Handler<RoutingContext> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 800;

    private final AudienceCatalog catalog;

    public AudiencesHandler(AudienceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handle(RoutingContext ctx) {
        page(ctx.request().getParam("start"), ctx.request().getParam("limit")).send(ctx);
    }

    Reply page(String startParam, String limitParam) {
        int start;
        int limit;
        try {
            start = startParam == null ? 0 : Integer.parseInt(startParam);
            limit = limitParam == null ? DEFAULT_LIMIT : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            return Reply.plainProblem(400, "Bad Request", "start and limit must be integers.");
        }
        if (start < 0 || limit < 1 || limit > MAX_LIMIT) {
            return Reply.plainProblem(400, "Bad Request",
                    "start must be 0 or more and limit between 1 and " + MAX_LIMIT + ".");
        }
        List<Audience> all = catalog.all();
        List<Audience> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        ArrayNode children = Json.array();
        page.forEach(audience -> children.add(catalog.toJson(audience)));
        ObjectNode answer = Json.object();
        answer.set("children", children);
        ObjectNode pageInfo = answer.putObject("_page").put("totalCount", all.size()).put("pageSize", page.size());
        ObjectNode links = answer.putObject("_links");
        int next = start + limit;
        if (next < all.size()) {
            pageInfo.put("next", Integer.toString(next));
            links.putObject("next").put("href",
                    "@/audiences?start=" + next + "&limit=" + limit + "&totalCount=" + all.size());
        }
        return Reply.json(200, answer);
    }
}

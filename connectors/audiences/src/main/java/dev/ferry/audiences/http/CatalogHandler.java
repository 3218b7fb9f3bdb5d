package dev.ferry.audiences.http;

import dev.ferry.core.security.BearerToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.xdm.Xdm;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** {@code GET /v1/audiences}: the catalog Ferry keeps, {@code {"audiences": [{id, name, description, state}]}}. */
public final class CatalogHandler implements Processor {

    private final BearerToken token;
    private final AudienceCatalog catalog;

    public CatalogHandler(BearerToken token, AudienceCatalog catalog) {
        this.token = token;
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) {
        if (!token.admits(AudiencesRequest.header(exchange.getIn(), "Authorization"))) {
            AudiencesAnswer.error(401, "a valid bearer token is required").writeTo(exchange);
            return;
        }
        ObjectNode body = Xdm.JSON.createObjectNode();
        ArrayNode audiences = body.putArray("audiences");
        for (Audience audience : catalog.list()) {
            audiences.addObject().put("id", audience.id()).put("name", audience.name())
                    .put("description", audience.description()).put("state", audience.state());
        }
        AudiencesAnswer.json(200, body).writeTo(exchange);
    }
}

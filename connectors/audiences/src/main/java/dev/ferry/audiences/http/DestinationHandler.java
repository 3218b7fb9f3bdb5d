package dev.ferry.audiences.http;

import dev.ferry.core.security.BearerToken;
import dev.ferry.audiences.intake.DestinationPayloadParser;
import dev.ferry.audiences.intake.DestinationProfile;
import dev.ferry.audiences.intake.DestinationRejection;
import dev.ferry.audiences.intake.DestinationResolver;
import dev.ferry.audiences.store.MembershipStore;
import dev.ferry.audiences.store.MembershipUpdate;
import dev.ferry.core.xdm.Xdm;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST …/aep-destination}: what AEP's HTTP API destination pushes. Checks the bearer token, reads the whole
 * payload (400 with the reason when malformed, 413 when too large: nothing stored), resolves identities, stores
 * every update in one transaction, runs the route with them and answers {@code 200 {"profiles": n, "updates": m}}.
 * AEP retries what is not answered 2xx; a retry is harmless, updates are idempotent.
 */
public final class DestinationHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationHandler.class);

    private final BearerToken token;
    private final DestinationPayloadParser parser;
    private final DestinationResolver resolver;
    private final MembershipStore store;
    private final AudiencesRoute route;
    private final int maxBodyBytes;

    public DestinationHandler(BearerToken token, DestinationPayloadParser parser, DestinationResolver resolver,
                              MembershipStore store, AudiencesRoute route, int maxBodyBytes) {
        this.token = token;
        this.parser = parser;
        this.resolver = resolver;
        this.store = store;
        this.route = route;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void process(Exchange exchange) {
        answer(exchange).writeTo(exchange);
    }

    private AudiencesAnswer answer(Exchange exchange) {
        if (!"POST".equals(AudiencesRequest.method(exchange.getIn()))) {
            return AudiencesAnswer.error(405, "use POST");
        }
        if (!token.admits(AudiencesRequest.header(exchange.getIn(), "Authorization"))) {
            return AudiencesAnswer.error(401, "a valid bearer token is required");
        }
        if (AudiencesRequest.isForm(exchange.getIn())) {
            return AudiencesAnswer.error(415, "Content-Type must be application/json");
        }
        List<DestinationProfile> profiles;
        try {
            profiles = parser.parse(AudiencesRequest.body(exchange, maxBodyBytes));
        } catch (DestinationRejection rejection) {
            LOG.debug("audiences destination: refused a push: {} {}", rejection.status(), rejection.getMessage());
            return AudiencesAnswer.error(rejection.status(), rejection.getMessage());
        }
        try {
            List<MembershipUpdate> updates = resolver.updates(profiles);
            store.apply(updates);
            route.stored(updates);
            return AudiencesAnswer.json(200, Xdm.JSON.createObjectNode().put("profiles", profiles.size())
                    .put("updates", updates.size()));
        } catch (Exception e) {
            LOG.warn("audiences destination: a push of {} profile(s) was not stored: {}", profiles.size(),
                    e.getMessage());
            return AudiencesAnswer.error(503, "the membership could not be stored; retry later");
        }
    }
}

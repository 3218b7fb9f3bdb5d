package dev.ferry.aep.activation;

import dev.ferry.aep.AepEndpoint;
import dev.ferry.aep.http.AepRequest;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepUrls;
import dev.ferry.core.audience.ShopperIdentity;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * {@code aep:activation}: asks the Edge Network which audiences a shopper has realized. The body is a
 * {@link ShopperIdentity}; the out body is the {@code List<String>} of audience ids of the {@code activation:pull}
 * handle, empty when Edge knows no audience for the shopper. A lookup is answered once or fails: a refused token
 * is renewed once, but a 429, 5xx or silence fails the exchange with a {@link DeliveryException} (its kind and
 * AEP's Retry-After) rather than retrying while someone waits.
 */
public class AepActivationProducer extends DefaultProducer {

    private final Clock clock;
    private URI interact;

    public AepActivationProducer(AepEndpoint endpoint) {
        super(endpoint);
        this.clock = Clock.systemUTC();
    }

    @Override
    public AepEndpoint getEndpoint() {
        return (AepEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        AepEndpoint endpoint = getEndpoint();
        endpoint.validate();
        interact = AepUrls.of(endpoint.getComponent().getEdgeUrl(),
                "/ee/v2/interact?datastreamId=" + AepUrls.encode(endpoint.effectiveDatastreamId()));
        super.doStart();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ShopperIdentity identity = identityOf(exchange.getIn().getBody());
        AepResponse answer;
        try {
            answer = getEndpoint().http().sendOnce(
                    AepRequest.postJson(interact, AepActivationLookup.request(identity, clock.instant()), false));
        } catch (DeliveryException e) {
            throw new DeliveryException(e.kind(), "aep:activation could not look up the " + identity.namespace()
                    + " identity's audiences: " + e.getMessage(), e.retryAfter().orElse(null), e);
        }
        if (!answer.isSuccess()) {
            throw new DeliveryException(FailureKind.INVALID, "aep:activation: AEP Edge refused the "
                    + identity.namespace() + " lookup: " + answer.reason());
        }
        List<String> audienceIds = AepActivationLookup.realizedAudienceIds(answer.json());
        exchange.getMessage().setBody(audienceIds);
    }

    /** The identity to look up; anything else is a mistake in the route, named in one line. */
    static ShopperIdentity identityOf(Object body) {
        if (!(body instanceof ShopperIdentity identity)) {
            throw new IllegalArgumentException("aep:activation needs a ShopperIdentity body, not "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        if (identity.namespace() == null || identity.namespace().isBlank()
                || identity.id() == null || identity.id().isBlank()) {
            throw new IllegalArgumentException("aep:activation needs a ShopperIdentity with a namespace and an id");
        }
        return identity;
    }
}

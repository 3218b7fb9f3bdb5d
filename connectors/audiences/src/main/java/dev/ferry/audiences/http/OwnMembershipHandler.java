package dev.ferry.audiences.http;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.lookup.Membership;
import dev.ferry.audiences.lookup.MembershipLookup;
import dev.ferry.core.identity.Identities;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET …/mine}: the calling shopper's own membership, found by the {@code ferry_fpid} cookie the storefront
 * collector set and nothing else (no query parameter a page could forge for someone else), for the snippet to set
 * the {@code aep-segments-membership} cookie Luma storefronts read.
 */
public final class OwnMembershipHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(OwnMembershipHandler.class);

    public static final String FPID_COOKIE = "ferry_fpid";

    private final MembershipLookup lookup;

    public OwnMembershipHandler(MembershipLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void process(Exchange exchange) {
        String fpid = AudiencesRequest.cookie(exchange.getIn(), FPID_COOKIE);
        try {
            Membership membership = fpid != null && Identities.isFpid(fpid)
                    ? lookup.find(AudienceIdentity.fpid(fpid)) : Membership.none();
            AudiencesAnswer.json(200, MembershipJson.of(membership)).writeTo(exchange);
        } catch (RuntimeException e) {
            LOG.warn("audiences: own membership unavailable: {}", e.getMessage());
            AudiencesAnswer.error(503, "the membership cannot be read; retry later").writeTo(exchange);
        }
    }
}

package dev.ferry.audiences.intake;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.identity.CustomerMap;
import dev.ferry.audiences.store.MembershipUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns destination profiles into membership rows: every identity of a profile gets every membership of it, and
 * all carry the profile's Commerce customer when one is known, from the customer-id namespace directly or from the
 * email hash through the customer map. That is how a guest's FPID or ECID is linked to the customer once AEP's
 * profile holds both.
 */
public final class DestinationResolver {

    private final CustomerMap customers;

    public DestinationResolver(CustomerMap customers) {
        this.customers = customers;
    }

    public List<MembershipUpdate> updates(List<DestinationProfile> profiles) {
        List<MembershipUpdate> updates = new ArrayList<>();
        for (DestinationProfile profile : profiles) {
            Long customer = customerOf(profile).orElse(null);
            for (AudienceIdentity identity : profile.identities()) {
                for (SegmentMembership membership : profile.memberships()) {
                    updates.add(new MembershipUpdate(identity, membership.audienceId(), membership.status(),
                            membership.lastQualificationTime(), customer));
                }
            }
        }
        return updates;
    }

    private Optional<Long> customerOf(DestinationProfile profile) {
        for (AudienceIdentity identity : profile.identities()) {
            if (identity.namespace().equals(AudienceIdentity.CUSTOMER)) {
                return Optional.of(Long.parseLong(identity.value()));
            }
        }
        for (AudienceIdentity identity : profile.identities()) {
            if (identity.namespace().equals(AudienceIdentity.EMAIL_SHA256)) {
                Optional<Long> customer = customers.customerOf(identity.value());
                if (customer.isPresent()) {
                    return customer;
                }
            }
        }
        return Optional.empty();
    }
}

package dev.ferry.audiences.lookup;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.identity.CustomerMap;
import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.audiences.store.MembershipStore;
import dev.ferry.audiences.store.StoredMembership;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.audience.ShopperIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shopper's audiences from one identity. The identity is widened to everything Ferry knows is the same shopper: a
 * customer id adds the customer's current email hash; an email hash adds its customer; an FPID or ECID adds the
 * customer it was linked to. Per audience the latest stored status wins. When nothing at all is stored for the
 * shopper and a pull is configured, AEP is asked and its answer cached for the TTL.
 */
public final class MembershipLookup {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipLookup.class);
    private static final int MAX_CACHED_IDENTITIES = 100_000;

    private final MembershipStore store;
    private final CustomerMap customers;
    private final AudienceCatalog catalog;
    private final MembershipPull pull;
    private final String customerNamespace;
    private final PullCache cache;

    /** @param pull null when no pull is configured */
    public MembershipLookup(MembershipStore store, CustomerMap customers, AudienceCatalog catalog,
                            MembershipPull pull, String customerNamespace, Duration pullCacheTtl, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
        this.pull = pull;
        this.customerNamespace = customerNamespace;
        this.cache = new PullCache(pullCacheTtl, MAX_CACHED_IDENTITIES, clock);
    }

    public Membership find(AudienceIdentity identity) {
        List<StoredMembership> stored = identity.namespace().equals(AudienceIdentity.CUSTOMER)
                ? storedForCustomer(Long.parseLong(identity.value())) : storedFor(identity);
        if (stored.isEmpty() && pull != null) {
            return pulled(identity);
        }
        List<AudienceRef> audiences = new ArrayList<>();
        for (StoredMembership membership : stored) {
            if (membership.status().member()) {
                audiences.add(new AudienceRef(membership.audienceId(), membership.name()));
            }
        }
        return new Membership(audiences);
    }

    /** One statement in the common case; a customer the map does not know yet refreshes it and asks again. */
    private List<StoredMembership> storedForCustomer(long customerId) {
        List<StoredMembership> stored = store.findForCustomer(customerId);
        if (stored.isEmpty() && !customers.knows(customerId) && customers.refreshAfterMiss()) {
            stored = store.findForCustomer(customerId);
        }
        return stored;
    }

    private List<StoredMembership> storedFor(AudienceIdentity identity) {
        Set<AudienceIdentity> identities = Set.of(identity);
        Set<Long> customerIds = new LinkedHashSet<>(identity.namespace().equals(AudienceIdentity.EMAIL_SHA256)
                ? customers.customersOf(identity.value()) : store.linkedCustomers(identities));
        return store.find(identities, customerIds);
    }

    private Membership pulled(AudienceIdentity identity) {
        Optional<List<String>> cached = cache.get(identity);
        List<String> ids;
        if (cached.isPresent()) {
            ids = cached.get();
        } else {
            try {
                ids = pull.realizedAudienceIds(new ShopperIdentity(identity.aepNamespace(customerNamespace),
                        identity.value()));
            } catch (Exception e) {
                // The identity is not logged: it may be a customer's email hash.
                LOG.warn("audiences: the membership pull failed, answering no audiences: {}", e.getMessage());
                return Membership.none();
            }
            cache.put(identity, ids == null ? List.of() : ids);
            ids = ids == null ? List.of() : ids;
        }
        return new Membership(named(ids));
    }

    private List<AudienceRef> named(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Audience audience : catalog.list()) {
                names.put(audience.id(), audience.name());
            }
        }
        return ids.stream().sorted().distinct().map(id -> new AudienceRef(id, names.get(id))).toList();
    }
}

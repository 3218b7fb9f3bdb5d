package dev.ferry.audiences.lookup;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.identity.CustomerMap;
import dev.ferry.audiences.store.AudienceCatalog;
import dev.ferry.audiences.store.MembershipRead;
import dev.ferry.audiences.store.MembershipStore;
import dev.ferry.core.audience.Audience;
import dev.ferry.core.audience.ShopperIdentity;
import java.time.Clock;
import java.time.Duration;
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
 * shopper and a pull is configured, AEP is asked and its answer cached for the pull TTL. Answers are kept in the
 * {@link MembershipCache} for its short TTL, forgotten at once when a write touches what they were read from.
 */
public final class MembershipLookup {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipLookup.class);
    /** The most identities either cache keeps; the least recently used (pulls) or oldest (answers) go first. */
    public static final int MAX_CACHED_IDENTITIES = 100_000;

    private final MembershipStore store;
    private final CustomerMap customers;
    private final AudienceCatalog catalog;
    private final MembershipPull pull;
    private final String customerNamespace;
    private final PullCache pulls;
    private final MembershipCache answers;

    /**
     * @param pull    null when no pull is configured
     * @param answers the cache the store, the customer map and the catalog forget answers in when they change
     */
    public MembershipLookup(MembershipStore store, CustomerMap customers, AudienceCatalog catalog,
                            MembershipPull pull, String customerNamespace, Duration pullCacheTtl,
                            MembershipCache answers, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.catalog = catalog;
        this.pull = pull;
        this.customerNamespace = customerNamespace;
        this.pulls = new PullCache(pullCacheTtl, MAX_CACHED_IDENTITIES, clock);
        this.answers = answers;
    }

    public Membership find(AudienceIdentity identity) {
        Optional<Membership> cached = answers.get(identity);
        if (cached.isPresent()) {
            return cached.get();
        }
        long readAt = answers.generation();
        MembershipRead read = identity.namespace().equals(AudienceIdentity.CUSTOMER)
                ? storedForCustomer(Long.parseLong(identity.value())) : storedFor(identity);
        Membership membership;
        if (read.latest().isEmpty() && pull != null) {
            Optional<List<String>> pulled = pulled(identity);
            if (pulled.isEmpty()) {
                return Membership.none(); // a failed pull is asked again next time
            }
            membership = new Membership(named(pulled.get()));
        } else {
            membership = new Membership(read.latest().stream().filter(stored -> stored.status().member())
                    .map(stored -> new AudienceRef(stored.audienceId(), stored.name())).toList());
        }
        answers.put(identity, membership, read.dependencies(), readAt);
        return membership;
    }

    /** One statement in the common case; a customer the map does not know yet refreshes it and asks again. */
    private MembershipRead storedForCustomer(long customerId) {
        MembershipRead read = store.findForCustomer(customerId);
        if (read.latest().isEmpty() && !customers.knows(customerId) && customers.refreshAfterMiss()) {
            read = store.findForCustomer(customerId);
        }
        return read;
    }

    private MembershipRead storedFor(AudienceIdentity identity) {
        Set<AudienceIdentity> identities = Set.of(identity);
        Set<Long> customerIds = new LinkedHashSet<>(identity.namespace().equals(AudienceIdentity.EMAIL_SHA256)
                ? customers.customersOf(identity.value()) : store.linkedCustomers(identities));
        return store.find(identities, customerIds);
    }

    /** The realized audience ids AEP answers, cached for the pull TTL; empty when the pull failed. */
    private Optional<List<String>> pulled(AudienceIdentity identity) {
        Optional<List<String>> cached = pulls.get(identity);
        if (cached.isPresent()) {
            return cached;
        }
        List<String> ids;
        try {
            ids = pull.realizedAudienceIds(new ShopperIdentity(identity.aepNamespace(customerNamespace),
                    identity.value()));
        } catch (Exception e) {
            // The identity is not logged: it may be a customer's email hash.
            LOG.warn("audiences: the membership pull failed, answering no audiences: {}", e.getMessage());
            return Optional.empty();
        }
        ids = ids == null ? List.of() : ids;
        pulls.put(identity, ids);
        return Optional.of(ids);
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

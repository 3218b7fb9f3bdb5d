package dev.ferry.audiences.lookup;

import dev.ferry.audiences.identity.AudienceIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lookup answers per asked identity for a short TTL, so a storefront's burst of requests for one shopper reads the
 * database once. Each answer is kept with the identities it depends on ({@link dev.ferry.audiences.store
 * .MembershipRead}); a change to any of them forgets it at once, so this process never serves an answer older than
 * its own last write. A lookup notes the {@link #generation()} before it reads and its answer is kept only if
 * nothing changed meanwhile: a read that raced a write is answered but not cached. Writes made elsewhere (another
 * Ferry node) are seen after the TTL at the latest. A TTL of zero caches nothing.
 */
public final class MembershipCache {

    private record Entry(Membership membership, Set<AudienceIdentity> dependencies, long expiresAtMillis) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    /** In insertion order, which is expiry order: every entry lives for the same TTL. */
    private final LinkedHashMap<AudienceIdentity, Entry> entries = new LinkedHashMap<>();
    /** Which cached answers depend on an identity. */
    private final Map<AudienceIdentity, Set<AudienceIdentity>> dependents = new HashMap<>();
    private long generation;

    public MembershipCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** Changes whenever anything is forgotten; note it before reading and pass it to {@link #put}. */
    synchronized long generation() {
        return generation;
    }

    synchronized Optional<Membership> get(AudienceIdentity identity) {
        Entry entry = entries.get(identity);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            remove(identity);
            return Optional.empty();
        }
        return Optional.of(entry.membership());
    }

    /**
     * Keeps the answer read for the identity unless anything was forgotten since {@code readAt}, the generation
     * noted before the read.
     */
    synchronized void put(AudienceIdentity identity, Membership membership, Set<AudienceIdentity> dependencies,
                          long readAt) {
        if (ttlMillis <= 0 || readAt != generation) {
            return;
        }
        long now = clock.millis();
        removeExpired(now);
        remove(identity);
        while (entries.size() >= maxEntries) {
            remove(entries.keySet().iterator().next());
        }
        Set<AudienceIdentity> all = new HashSet<>(dependencies);
        all.add(identity);
        entries.put(identity, new Entry(membership, all, now + ttlMillis));
        for (AudienceIdentity dependency : all) {
            dependents.computeIfAbsent(dependency, key -> new HashSet<>()).add(identity);
        }
    }

    /** Forgets every answer that depends on any of the identities. */
    public synchronized void forget(Set<AudienceIdentity> changed) {
        generation++;
        for (AudienceIdentity identity : changed) {
            Set<AudienceIdentity> cached = dependents.remove(identity);
            if (cached != null) {
                cached.forEach(this::remove);
            }
        }
    }

    /** Forgets everything, e.g. when the catalog's names changed. */
    public synchronized void clear() {
        generation++;
        entries.clear();
        dependents.clear();
    }

    private void removeExpired(long now) {
        Iterator<Map.Entry<AudienceIdentity, Entry>> eldest = entries.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<AudienceIdentity, Entry> entry = eldest.next();
            if (now < entry.getValue().expiresAtMillis()) {
                return;
            }
            eldest.remove();
            unindex(entry.getKey(), entry.getValue());
        }
    }

    private void remove(AudienceIdentity identity) {
        Entry entry = entries.remove(identity);
        if (entry != null) {
            unindex(identity, entry);
        }
    }

    private void unindex(AudienceIdentity identity, Entry entry) {
        for (AudienceIdentity dependency : entry.dependencies()) {
            Set<AudienceIdentity> cached = dependents.get(dependency);
            if (cached != null) {
                cached.remove(identity);
                if (cached.isEmpty()) {
                    dependents.remove(dependency);
                }
            }
        }
    }
}

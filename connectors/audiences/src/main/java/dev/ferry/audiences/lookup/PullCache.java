package dev.ferry.audiences.lookup;

import dev.ferry.audiences.identity.AudienceIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audience ids a membership pull answered per identity, kept for a TTL and for at most a number of identities
 * (the least recently used go first), so a busy storefront asks AEP once per shopper and TTL, not per request.
 */
final class PullCache {

    private record Entry(List<String> audienceIds, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<AudienceIdentity, Entry> entries;

    PullCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AudienceIdentity, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<List<String>> get(AudienceIdentity identity) {
        Entry entry = entries.get(identity);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(identity);
            return Optional.empty();
        }
        return Optional.of(entry.audienceIds());
    }

    synchronized void put(AudienceIdentity identity, List<String> audienceIds) {
        entries.put(identity, new Entry(List.copyOf(audienceIds), clock.instant().plus(ttl)));
    }
}

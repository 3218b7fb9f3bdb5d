package dev.ferry.sandbox.profiles;

import dev.ferry.sandbox.segmentation.Memberships.Identity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One person as the sandbox's profile store knows them: every identity seen together with another in an event,
 * the events that person did, and the audiences they are in or have left. Guarded by its {@link ProfileStore}.
 */
public final class Profile {

    /**
     * The most events kept per person, so a long-running sandbox's memory stays bounded; the first received go first.
     * Every rule reads them all at each event, so this also bounds the cost of an event: a bulk history import puts
     * thousands of orders on one shopper, and 1,000 kept events made the rules the sandbox's largest cost.
     */
    static final int MAX_EVENTS = 200;

    private final Set<Identity> identities = new LinkedHashSet<>();
    private final Deque<ProfileEvent> events = new ArrayDeque<>();
    private final Map<String, Membership> memberships = new HashMap<>();
    private Instant newestEventTime = Instant.MIN;

    public Set<Identity> identities() {
        return identities;
    }

    public Collection<ProfileEvent> events() {
        return events;
    }

    /**
     * The latest timestamp of the events this profile was given, those since dropped included, so no event it keeps
     * is later; {@link Instant#MIN} before its first.
     */
    public Instant newestEventTime() {
        return newestEventTime;
    }

    /** The last known membership per audience id, exits included. */
    public Map<String, Membership> memberships() {
        return memberships;
    }

    void add(ProfileEvent event) {
        events.addLast(event);
        if (event.timestamp().isAfter(newestEventTime)) {
            newestEventTime = event.timestamp();
        }
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
    }

    /** Takes over another profile's identities, events and memberships when an event shows they are one person. */
    void absorb(Profile other) {
        identities.addAll(other.identities);
        other.events.forEach(this::add);
        other.memberships.forEach((audienceId, theirs) -> memberships.merge(audienceId, theirs, Membership::latest));
    }
}

package dev.ferry.sandbox.segmentation;

import dev.ferry.sandbox.destination.DestinationPayload;
import dev.ferry.sandbox.destination.DestinationPush;
import dev.ferry.sandbox.profiles.Membership;
import dev.ferry.sandbox.profiles.Profile;
import dev.ferry.sandbox.profiles.ProfileFacts;
import dev.ferry.sandbox.profiles.ProfileStore;
import dev.ferry.sandbox.segmentation.Memberships.Identity;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming segmentation in miniature: every accepted event joins its person's profile, and the profile is
 * evaluated against each catalog audience that has a rule, at once and again every evaluation interval, so
 * profiles enter when an event qualifies them and leave when a cancelling event arrives or their window passes.
 * Each change is pushed to the destination with the profile's identities and every audience it is in
 * ({@code realized} when it just entered, {@code existing} otherwise) or just left ({@code exited}).
 */
public final class AudienceQualifier {

    private final AudienceCatalog catalog;
    private final DestinationPush destination;
    private final Clock clock;
    private final ProfileStore profiles = new ProfileStore();

    public AudienceQualifier(AudienceCatalog catalog, DestinationPush destination, Clock clock) {
        this.catalog = catalog;
        this.destination = destination;
        this.clock = clock;
    }

    /** Records an accepted event on the profile of the identities in its {@code identityMap}, then evaluates it. */
    public synchronized void onEvent(ProfileFacts facts) {
        List<Identity> identities = facts.identities();
        if (identities.isEmpty()) {
            return;
        }
        Profile profile = profiles.find(identities).orElse(null);
        int identitiesBefore = profile == null ? 0 : profile.identities().size();
        profile = profiles.record(identities, facts.event(clock.instant()));
        boolean newIdentity = profile.identities().size() > identitiesBefore && identitiesBefore > 0;
        evaluate(profile, newIdentity);
    }

    /** Evaluates every profile at the clock's time: how exits by the passing of time happen. */
    public synchronized void evaluateAll() {
        profiles.all().forEach(profile -> evaluate(profile, false));
    }

    /**
     * The catalog audiences the person with any of these identities is in, for Edge's {@code activation:pull}; an
     * audience since removed from the catalog is no longer reported.
     */
    public synchronized List<String> realizedFor(Collection<Identity> identities) {
        Profile profile = profiles.find(identities).orElse(null);
        if (profile == null) {
            return List.of();
        }
        return catalog.all().stream()
                .map(Audience::id)
                .filter(id -> profile.memberships().containsKey(id) && profile.memberships().get(id).isIn())
                .toList();
    }

    /**
     * Updates the profile's memberships and pushes them when one changed, or when the profile gained an identity
     * while in an audience, so the destination learns the new identity too.
     */
    private void evaluate(Profile profile, boolean newIdentity) {
        Instant now = clock.instant();
        Map<String, Membership> memberships = profile.memberships();
        Map<String, Membership> exported = new LinkedHashMap<>();
        boolean changed = false;
        for (Audience audience : catalog.all()) {
            if (audience.rule() == null) {
                continue;
            }
            Membership before = memberships.get(audience.id());
            boolean wasIn = before != null && before.isIn();
            boolean isIn = audience.rule().canQualify(profile.newestEventTime(), now)
                    && audience.rule().qualifies(profile.events(), now);
            Membership after;
            if (isIn && !wasIn) {
                after = new Membership(Membership.REALIZED, now);
            } else if (!isIn && wasIn) {
                after = new Membership(Membership.EXITED, now);
            } else if (isIn) {
                after = new Membership(Membership.EXISTING, before.lastQualificationTime());
            } else {
                continue;
            }
            changed |= !after.status().equals(Membership.EXISTING);
            memberships.put(audience.id(), after);
            exported.put(audience.id(), after);
        }
        if (changed || (newIdentity && !exported.isEmpty())) {
            destination.push(DestinationPayload.profile(profile.identities(), exported));
        }
    }
}

package dev.ferry.sandbox.profiles;

import dev.ferry.sandbox.segmentation.Memberships.Identity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Profiles keyed by identity, with the simplest identity stitching: identities that appear together in one
 * event's {@code identityMap} belong to one person, so an event that joins two known profiles merges them.
 * Namespaces compare case-insensitively, as AEP's do. Not thread-safe; its owner serialises access.
 */
public final class ProfileStore {

    private final Map<Identity, Profile> byIdentity = new HashMap<>();

    /** The profile of these identities after recording the event, creating or merging profiles as needed. */
    public Profile record(Collection<Identity> identities, ProfileEvent event) {
        List<Identity> keys = new ArrayList<>(identities.size());
        Set<Profile> known = new LinkedHashSet<>();
        for (Identity identity : identities) {
            Identity key = key(identity);
            keys.add(key);
            Profile owner = byIdentity.get(key);
            if (owner != null) {
                known.add(owner);
            }
        }
        Profile profile = known.isEmpty() ? new Profile() : known.iterator().next();
        for (Profile other : known) {
            if (other != profile) {
                profile.absorb(other);
                other.identities().forEach(identity -> byIdentity.put(key(identity), profile));
            }
        }
        Iterator<Identity> keyOfEach = keys.iterator();
        for (Identity identity : identities) {
            if (byIdentity.put(keyOfEach.next(), profile) == null) {
                profile.identities().add(identity);
            }
        }
        profile.add(event);
        return profile;
    }

    /** The profile any of these identities belongs to, if the store knows one. */
    public Optional<Profile> find(Collection<Identity> identities) {
        for (Identity identity : identities) {
            Profile profile = byIdentity.get(key(identity));
            if (profile != null) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    /** Every profile once. */
    public List<Profile> all() {
        return new ArrayList<>(new LinkedHashSet<>(byIdentity.values()));
    }

    private static Identity key(Identity identity) {
        return new Identity(identity.namespace().toLowerCase(Locale.ROOT), identity.id());
    }
}

package dev.ferry.audiences.identity;

import java.util.Set;

/**
 * Told, once a write is over (committed or not), which identities it may have changed the audiences of; a customer
 * id counts as {@link AudienceIdentity#customer(long)}.
 */
@FunctionalInterface
public interface IdentityChangeListener {

    void changed(Set<AudienceIdentity> identities);
}

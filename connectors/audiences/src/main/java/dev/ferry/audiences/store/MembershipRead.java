package dev.ferry.audiences.store;

import dev.ferry.audiences.identity.AudienceIdentity;
import java.util.List;
import java.util.Set;

/**
 * What one membership read found: per audience the latest entry, and the identities the answer depends on (those
 * asked, those of every row read and the customers the rows carry, a customer id as its customer identity). A write
 * can change the answer only if it touches one of them, which is what lets a cached answer be forgotten precisely.
 */
public record MembershipRead(List<StoredMembership> latest, Set<AudienceIdentity> dependencies) {
}

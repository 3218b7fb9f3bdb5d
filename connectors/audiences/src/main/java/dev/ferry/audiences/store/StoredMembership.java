package dev.ferry.audiences.store;

import java.time.Instant;

/** An audience a shopper's identities are stored in, with its catalog name when the catalog knows it. */
public record StoredMembership(String audienceId, String name, MembershipStatus status,
                               Instant lastQualificationTime) {
}

package dev.ferry.audiences.store;

import dev.ferry.audiences.identity.AudienceIdentity;
import java.time.Instant;

/**
 * One row of {@code ferry_audience_membership} as a destination push sets it: an identity's status in an audience
 * at its qualification time, and the Commerce customer the identity belongs to when Ferry knows it (else null).
 */
public record MembershipUpdate(AudienceIdentity identity, String audienceId, MembershipStatus status,
                               Instant lastQualificationTime, Long customerId) {
}

package dev.ferry.audiences.intake;

import dev.ferry.audiences.store.MembershipStatus;
import java.time.Instant;

/** One {@code segmentMembership.ups.<audienceId>} entry of a destination profile. */
public record SegmentMembership(String audienceId, MembershipStatus status, Instant lastQualificationTime) {
}

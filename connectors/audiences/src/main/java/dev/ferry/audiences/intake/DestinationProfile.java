package dev.ferry.audiences.intake;

import dev.ferry.audiences.identity.AudienceIdentity;
import java.util.List;

/** One profile of an AEP HTTP API destination push: its usable identities and its audience memberships. */
public record DestinationProfile(List<AudienceIdentity> identities, List<SegmentMembership> memberships) {
}

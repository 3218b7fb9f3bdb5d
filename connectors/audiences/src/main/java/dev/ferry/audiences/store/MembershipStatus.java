package dev.ferry.audiences.store;

import java.util.Locale;
import java.util.Optional;

/** {@code segmentMembership.ups.<id>.status} as AEP sends it. */
public enum MembershipStatus {
    REALIZED, EXISTING, EXITED;

    /** Whether the shopper belongs to the audience: realized (just qualified) or existing (still qualifies). */
    public boolean member() {
        return this != EXITED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MembershipStatus> byCode(String code) {
        for (MembershipStatus status : values()) {
            if (status.code().equalsIgnoreCase(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

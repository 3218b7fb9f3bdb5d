package dev.ferry.sandbox.profiles;

import java.time.Instant;

/**
 * A profile's standing in one audience, as AEP exports it in {@code segmentMembership.ups.<audienceId>}.
 *
 * @param status                {@code realized} when the profile entered at the last evaluation, {@code existing}
 *                              while it stays in, {@code exited} once it left
 * @param lastQualificationTime when the profile entered or left
 */
public record Membership(String status, Instant lastQualificationTime) {

    public static final String REALIZED = "realized";
    public static final String EXISTING = "existing";
    public static final String EXITED = "exited";

    public boolean isIn() {
        return !EXITED.equals(status);
    }

    /** Of two standings of merged profiles, the one decided last. */
    static Membership latest(Membership a, Membership b) {
        return b.lastQualificationTime.isAfter(a.lastQualificationTime) ? b : a;
    }
}

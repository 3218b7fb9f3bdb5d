package dev.ferry.app.check;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the candidate nearest to a misspelt name, by edit distance. */
public final class Nearest {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Nearest() {
    }

    /**
     * The candidate with the smallest edit distance to {@code name}, compared case-insensitively; ties go to the
     * candidate sharing the longer prefix, then to the shorter one, then alphabetically.
     */
    public static Optional<String> to(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestPrefix = -1;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = DISTANCE.apply(wanted, c);
            int prefix = commonPrefix(wanted, c);
            if (distance < bestDistance
                    || distance == bestDistance && (prefix > bestPrefix
                    || prefix == bestPrefix && (candidate.length() < best.length()
                    || candidate.length() == best.length() && candidate.compareTo(best) < 0))) {
                best = candidate;
                bestDistance = distance;
                bestPrefix = prefix;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"}, or nothing when there is no candidate. */
    public static String suggestion(String name, Collection<String> candidates) {
        return to(name, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}

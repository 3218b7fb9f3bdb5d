package dev.ferry.sandbox.batch;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Batch ids in AEP's form: 26-character ULIDs such as {@code 01E8043CY305K2MTV5ANH9G1GC}, time-ordered so that
 * later batches sort after earlier ones.
 */
final class BatchIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BatchIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        char[] id = new char[26];
        long time = clock.millis();
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            id[i] = CROCKFORD[random.nextInt(32)];
        }
        return new String(id);
    }
}

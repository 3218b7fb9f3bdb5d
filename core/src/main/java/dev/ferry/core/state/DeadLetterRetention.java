package dev.ferry.core.state;

import dev.ferry.core.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes dead letters older than the retention once an hour, so a long-running installation keeps a bounded
 * dead-letter table without anyone running {@code ferry dlq purge}. The retention is an age such as 30d, 12h or
 * 45m; 0 keeps dead letters for good.
 */
public final class DeadLetterRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRetention.class);
    private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");

    private final StateDatabase state;
    private final Duration retention;
    private final ScheduledExecutorService scheduler;

    private DeadLetterRetention(StateDatabase state, Duration retention, Duration every) {
        this.state = state;
        this.retention = retention;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("ferry-dead-letter-retention"));
        if (every != null) {
            scheduler.scheduleWithFixedDelay(this::purgeQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts purging hourly; with a zero retention nothing is ever purged and nothing is scheduled. */
    public static DeadLetterRetention start(StateDatabase state, Duration retention) {
        return start(state, retention, Duration.ofHours(1));
    }

    static DeadLetterRetention start(StateDatabase state, Duration retention, Duration every) {
        return new DeadLetterRetention(state, retention, retention.isZero() ? null : every);
    }

    /**
     * Reads an age: a number with d (days), h (hours) or m (minutes), or 0 for no limit.
     *
     * @throws IllegalArgumentException naming what it got
     */
    public static Duration parseAge(String text) {
        String age = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (age.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = AGE.matcher(age);
        if (!m.matches()) {
            throw new IllegalArgumentException("an age is a number with d, h or m, such as 30d, 12h or 45m, not '"
                    + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    /** Deletes what is older than the retention now; returns how many letters went. */
    public int purgeNow() {
        return retention.isZero() ? 0 : state.deadLetters().purgeOlderThan(retention);
    }

    private void purgeQuietly() {
        try {
            int purged = purgeNow();
            if (purged > 0) {
                LOG.info("Deleted {} dead letter(s) older than the retention ({})", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not purge old dead letters: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

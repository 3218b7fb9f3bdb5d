package dev.ferry.app.check;

import java.util.Objects;

/**
 * The outcome of one check: one line of {@code ferry check}'s output.
 *
 * @param status what happened
 * @param area   whether a failure means an invalid config/route (exit 3) or a failed connection (exit 4)
 * @param what   the short name of the check, e.g. {@code config} or {@code commerce-db}
 * @param detail one line: what was checked when it passed, the reason when it failed
 * @param cause  the exception behind a failure, printed only with {@code --verbose}; may be null
 */
public record CheckResult(Status status, Area area, String what, String detail, Throwable cause) {

    public enum Status { OK, FAIL, SKIP }

    public enum Area { CONFIG, ROUTES, CONNECTION }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(what, "what");
        detail = detail == null ? "" : oneLine(detail);
    }

    public static CheckResult ok(Area area, String what, String detail) {
        return new CheckResult(Status.OK, area, what, detail, null);
    }

    public static CheckResult fail(Area area, String what, String reason) {
        return new CheckResult(Status.FAIL, area, what, reason, null);
    }

    public static CheckResult fail(Area area, String what, String reason, Throwable cause) {
        return new CheckResult(Status.FAIL, area, what, reason, cause);
    }

    public static CheckResult skip(Area area, String what, String why) {
        return new CheckResult(Status.SKIP, area, what, why, null);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** Collapses a message to its first non-blank line, trimmed. */
    static String oneLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("").strip();
    }
}

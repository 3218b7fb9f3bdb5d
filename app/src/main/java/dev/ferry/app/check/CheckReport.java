package dev.ferry.app.check;

import dev.ferry.app.ExitCodes;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints each result as it arrives, one line per check ({@code OK   <what>  <detail>} or
 * {@code FAIL <what>  <reason>}), then a summary line, and works out the exit code. Every line passes through the
 * {@link Redactor}, so no secret from the config reaches the terminal.
 */
public final class CheckReport {

    /** Width of the {@code <what>} column; longer names simply push the detail right. */
    static final int WHAT_WIDTH = 12;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final Redactor redactor;
    private final List<CheckResult> results = new ArrayList<>();

    public CheckReport(PrintWriter out, PrintWriter err, boolean verbose, Redactor redactor) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.redactor = redactor;
    }

    public void add(CheckResult result) {
        results.add(result);
        out.println(redactor.redact(format(result)));
        out.flush();
        if (verbose && result.cause() != null) {
            StringWriter trace = new StringWriter();
            result.cause().printStackTrace(new PrintWriter(trace));
            err.print(redactor.redact(trace.toString()));
            err.flush();
        }
    }

    static String format(CheckResult r) {
        String what = r.what().length() >= WHAT_WIDTH ? r.what() : String.format("%-" + WHAT_WIDTH + "s", r.what());
        return String.format("%-4s %s  %s", r.status(), what, r.detail()).stripTrailing();
    }

    /** Prints the summary line and returns the exit code: 3 for an invalid config or route, else 4 for a failed
     * connection, else 0. */
    public int finish() {
        long passed = count(CheckResult.Status.OK);
        long failed = count(CheckResult.Status.FAIL);
        long skipped = count(CheckResult.Status.SKIP);
        int exit = exitCode();
        StringBuilder summary = new StringBuilder();
        summary.append(exit == ExitCodes.OK ? "ferry check passed: " : "ferry check FAILED: ")
                .append(passed).append(" ok, ").append(failed).append(" failed");
        if (skipped > 0) {
            summary.append(", ").append(skipped).append(" skipped");
        }
        if (exit == ExitCodes.INVALID_CONFIG) {
            summary.append(" (exit 3: the configuration or the routes are invalid)");
        } else if (exit == ExitCodes.CHECK_FAILED) {
            summary.append(" (exit 4: a connection check failed)");
        }
        out.println(summary);
        out.flush();
        return exit;
    }

    public int exitCode() {
        boolean invalid = results.stream().anyMatch(r -> r.failed() && r.area() != CheckResult.Area.CONNECTION);
        boolean connection = results.stream().anyMatch(r -> r.failed() && r.area() == CheckResult.Area.CONNECTION);
        return invalid ? ExitCodes.INVALID_CONFIG : connection ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    public List<CheckResult> results() {
        return Collections.unmodifiableList(results);
    }

    private long count(CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}

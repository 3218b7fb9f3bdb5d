package dev.ferry.app;

/** Exit codes scripts can rely on; listed in {@code ferry --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INVALID_CONFIG = 3;
    public static final int CHECK_FAILED = 4;
    /** A long job (a history export) stopped before its end with its checkpoint saved: rerun it with --resume. */
    public static final int STOPPED = 5;

    private ExitCodes() {
    }
}

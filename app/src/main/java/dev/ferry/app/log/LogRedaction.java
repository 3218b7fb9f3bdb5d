package dev.ferry.app.log;

import dev.ferry.app.check.Redactor;

/**
 * The {@link Redactor} every log line passes through ({@code %redact} in log4j2.properties): the one of the config
 * the running command loaded. Until a command loads its config, only passwords written into URLs are masked.
 */
public final class LogRedaction {

    /** Volatile: the command's thread sets it, Camel's and the HTTP servers' threads log through it. */
    private static volatile Redactor current = Redactor.none();

    private LogRedaction() {
    }

    public static void use(Redactor redactor) {
        current = redactor;
    }

    public static String redact(String line) {
        return current.redact(line);
    }
}

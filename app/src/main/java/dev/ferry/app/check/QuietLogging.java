package dev.ferry.app.check;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Silences logging while the checks run, so the operator sees the check lines and nothing else: Camel's start-up
 * chatter and a connection pool's stack traces stay out unless {@code --verbose} asks for them. Restores every
 * logger's level on close.
 */
final class QuietLogging implements AutoCloseable {

    private final Map<LoggerConfig, Level> saved = new HashMap<>();
    private LoggerContext context;

    private QuietLogging() {
    }

    static QuietLogging unless(boolean verbose) {
        QuietLogging quiet = new QuietLogging();
        if (!verbose) {
            quiet.silence();
        }
        return quiet;
    }

    private void silence() {
        try {
            if (!(LogManager.getContext(false) instanceof LoggerContext log4j)) {
                return;
            }
            context = log4j;
            Configuration configuration = context.getConfiguration();
            saved.put(configuration.getRootLogger(), configuration.getRootLogger().getLevel());
            configuration.getLoggers().values().forEach(l -> saved.put(l, l.getLevel()));
            saved.keySet().forEach(l -> l.setLevel(Level.OFF));
            context.updateLoggers();
        } catch (RuntimeException | LinkageError e) {
            context = null; // another logging backend: leave it as configured
        }
    }

    @Override
    public void close() {
        if (context != null) {
            saved.forEach(LoggerConfig::setLevel);
            context.updateLoggers();
        }
    }
}

package dev.ferry.app.command;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;

/** {@code --verbose}: stack traces and debug logging for whoever needs to see inside. */
public final class VerboseOption {

    @CommandLine.Option(names = "--verbose", description = "Print stack traces and debug logs.")
    boolean verbose;

    /**
     * With {@code --verbose}, Ferry's own loggers log at DEBUG; Camel's stay at INFO, as its DEBUG lines would bury
     * Ferry's. Ferry's DEBUG lines, like all others, carry no secret and no raw email.
     */
    public void applyToLogging() {
        if (verbose) {
            Configurator.setLevel("dev.ferry", Level.DEBUG);
        }
    }

    public static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}

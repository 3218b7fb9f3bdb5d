package dev.ferry.app.command;

import picocli.CommandLine;

/** {@code --verbose}: stack traces and debug logging for whoever needs to see inside. */
public final class VerboseOption {

    @CommandLine.Option(names = "--verbose", description = "Print stack traces and debug logs.")
    boolean verbose;

    public static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}

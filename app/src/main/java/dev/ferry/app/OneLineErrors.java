package dev.ferry.app;

import dev.ferry.app.command.VerboseOption;
import dev.ferry.core.config.ConfigException;
import picocli.CommandLine;

/**
 * Errors reach the operator as one line naming the key, file or host at fault; the stack trace only with
 * {@code --verbose}.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (VerboseOption.isVerbose(parseResult)) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().println("ferry: " + message(e));
        return e instanceof ConfigException ? ExitCodes.INVALID_CONFIG : ExitCodes.FAILED;
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); (message == null || message.isBlank()) && cause != null; cause = cause.getCause()) {
            message = cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

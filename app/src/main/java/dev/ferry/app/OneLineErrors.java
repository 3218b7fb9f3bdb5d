package dev.ferry.app;

import dev.ferry.app.check.Redactor;
import dev.ferry.app.command.ConfigOption;
import dev.ferry.app.command.VerboseOption;
import dev.ferry.core.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.camel.CamelExecutionException;
import picocli.CommandLine;

/**
 * Errors reach the operator as one line naming the key, file or host at fault; the stack trace only with
 * {@code --verbose}. Both pass through the {@link Redactor} of the command's config: a JDBC driver's exception may
 * quote the URL and its password.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Redactor redactor = redactorOf(parseResult);
        if (VerboseOption.isVerbose(parseResult)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            commandLine.getErr().print(redactor.redact(trace.toString()));
        }
        commandLine.getErr().println("ferry: " + redactor.redact(message(e)));
        return e instanceof ConfigException ? ExitCodes.INVALID_CONFIG : ExitCodes.FAILED;
    }

    /** The redactor of the config option of the command that failed, or of one of the commands it belongs to. */
    private static Redactor redactorOf(CommandLine.ParseResult parseResult) {
        Redactor redactor = Redactor.none();
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            for (CommandLine.Model.CommandSpec mixin : r.commandSpec().mixins().values()) {
                if (mixin.userObject() instanceof ConfigOption config) {
                    redactor = config.redactor();
                }
            }
        }
        return redactor;
    }

    static String message(Throwable e) {
        Throwable reported = e;
        // Camel's wrapper says only that the exchange failed ("Exception occurred during execution on the exchange");
        // what failed is its cause, e.g. the database that refused the connection.
        while (reported instanceof CamelExecutionException && reported.getCause() != null) {
            reported = reported.getCause();
        }
        String message = reported.getMessage();
        for (Throwable cause = reported.getCause(); (message == null || message.isBlank()) && cause != null;
             cause = cause.getCause()) {
            message = cause.getMessage();
        }
        return message == null ? reported.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

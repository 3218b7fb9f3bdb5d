package dev.ferry.app;

import dev.ferry.app.command.CheckCommand;
import dev.ferry.app.command.DemoCommand;
import dev.ferry.app.command.DlqCommand;
import dev.ferry.app.command.HistoryCommand;
import dev.ferry.app.command.RunCommand;
import dev.ferry.app.command.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar ferry.jar <command>}: the one entry point operators and scripts use. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class,
        description = "Carries Adobe Commerce data into Adobe Experience Platform and audiences back.",
        subcommands = {RunCommand.class, DemoCommand.class, SandboxCommand.class, CheckCommand.class, DlqCommand.class,
                HistoryCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:Ferry failed while running",
                "2:the command line is wrong",
                "3:the configuration or the routes are invalid",
                "4:a connection check failed",
                "5:a history export stopped early; its checkpoint is saved: rerun with --resume"})
public final class FerryCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new FerryCli());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, demo, sandbox, check, dlq or history");
    }
}

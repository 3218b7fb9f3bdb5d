package dev.ferry.app.command;

import dev.ferry.app.check.FerryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the config and the YAML routes and test each connection, one line per check.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every check passed",
                "3:the configuration or a route is invalid",
                "4:a connection check failed"})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Directory of *.yaml routes (default: ./routes, else the routes bundled in the jar).")
    Path routes;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        FerryCheck check = new FerryCheck(new FerryCheck.Options(config.file, routes, System.getenv(), verbose.verbose));
        return check.run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

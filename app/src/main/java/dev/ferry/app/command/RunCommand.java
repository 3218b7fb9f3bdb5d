package dev.ferry.app.command;

import dev.ferry.app.ExitCodes;
import dev.ferry.app.runtime.FerryRuntime;
import dev.ferry.app.runtime.RouteLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Ferry with a config file and the YAML routes until stopped (SIGTERM stops it gracefully).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Directory of *.yaml routes (default: ./routes, else the routes bundled in the jar).")
    Path routes;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        verbose.applyToLogging();
        FerryRuntime.create(config.load(), RouteLocation.resolve(routes)).runUntilStopped();
        return ExitCodes.OK;
    }
}

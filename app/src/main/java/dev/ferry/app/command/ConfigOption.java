package dev.ferry.app.command;

import dev.ferry.core.config.FerryConfig;
import picocli.CommandLine;

import java.nio.file.Path;

/** {@code --config FILE}: the one properties file; environment variables override its keys. */
public final class ConfigOption {

    @CommandLine.Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with ferry.* keys (each also settable as FERRY_… environment variable).")
    Path file;

    public FerryConfig load() {
        return FerryConfig.load(file, System.getenv());
    }
}

package dev.ferry.app.command;

import dev.ferry.app.check.Redactor;
import dev.ferry.app.log.LogRedaction;
import dev.ferry.core.config.FerryConfig;
import picocli.CommandLine;

import java.nio.file.Path;

/** {@code --config FILE}: the one properties file; environment variables override its keys. */
public final class ConfigOption {

    @CommandLine.Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with ferry.* keys (each also settable as FERRY_… environment variable).")
    Path file;

    private FerryConfig loaded;

    /** Loads the config; from then on the log masks its secrets too. */
    public FerryConfig load() {
        loaded = FerryConfig.load(file, System.getenv());
        LogRedaction.use(redactor());
        return loaded;
    }

    /**
     * Masks the secrets of the config this option loaded, for an error about to be printed: a driver's exception may
     * quote them. Before the config is loaded, it masks only passwords written into URLs.
     */
    public Redactor redactor() {
        return loaded == null ? Redactor.none() : Redactor.of(loaded);
    }
}

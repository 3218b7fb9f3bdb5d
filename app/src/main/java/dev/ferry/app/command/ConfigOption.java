package dev.ferry.app.command;

import dev.ferry.app.check.Redactor;
import dev.ferry.app.check.UnknownKeys;
import dev.ferry.app.log.LogRedaction;
import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code --config FILE}: the one properties file; environment variables override its keys. */
public final class ConfigOption {

    @CommandLine.Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with ferry.* keys (each also settable as FERRY_… environment variable).")
    Path file;

    private FerryConfig loaded;

    /**
     * Loads the config; from then on the log masks its secrets too.
     *
     * @throws ConfigException when the file cannot be read or names a {@code ferry.*} key that no setting has:
     *                         before any work, as a misspelt key would leave its setting at the default
     */
    public FerryConfig load() {
        loaded = FerryConfig.load(file, System.getenv());
        LogRedaction.use(redactor());
        if (file != null) {
            refuseUnknownKeys();
        }
        return loaded;
    }

    private void refuseUnknownKeys() {
        List<String> unknown;
        try {
            unknown = UnknownKeys.in(file);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        if (!unknown.isEmpty()) {
            String more = unknown.size() == 1 ? ""
                    : " (and " + (unknown.size() - 1) + " more; ferry check lists them all)";
            throw new ConfigException(unknown.get(0) + more);
        }
    }

    /**
     * Masks the secrets of the config this option loaded, for an error about to be printed: a driver's exception may
     * quote them. Before the config is loaded, it masks only passwords written into URLs.
     */
    public Redactor redactor() {
        return loaded == null ? Redactor.none() : Redactor.of(loaded);
    }
}

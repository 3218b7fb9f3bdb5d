package dev.ferry.app.command;

import dev.ferry.app.check.Redactor;
import dev.ferry.app.log.LogRedaction;
import dev.ferry.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ConfigOptionTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheLoadedConfig() {
        LogRedaction.use(Redactor.none());
    }

    @Test
    void loadingTheConfigMakesTheLogMaskItsSecrets() throws Exception {
        ConfigOption option = new ConfigOption();
        option.file = Files.writeString(dir.resolve("ferry.properties"), "ferry.aep.client-secret=p8e-client-secret-42\n");

        option.load();

        assertThat(LogRedaction.redact("IMS refused p8e-client-secret-42")).isEqualTo("IMS refused ****");
    }

    @Test
    void aMisspeltKeyStopsTheCommandWithItsLineAndTheKeyMeant() throws Exception {
        assertThat(refusalOf("# AEP\nferry.aep.dataset-id=ds\nferry.aep.ims-url=http://127.0.0.1:8090\n"))
                .isEqualTo(":3: unknown key ferry.aep.ims-url; did you mean ferry.aep.ims.url?");
    }

    @Test
    void severalUnknownKeysAreCountedAfterTheFirstAndOtherKeysAreLeftToTheRoutes() throws Exception {
        assertThat(refusalOf("ferry.aep.datasetid=ds\nferry.nonsense=1\nshop.region=eu\n"))
                .isEqualTo(":1: unknown key ferry.aep.datasetid; did you mean ferry.aep.dataset-id? (and 1 more;"
                        + " ferry check lists them all)");
    }

    /** Why loading a config file of these lines fails, after the file's name. */
    private String refusalOf(String lines) throws Exception {
        ConfigOption option = new ConfigOption();
        option.file = Files.writeString(dir.resolve("ferry.properties"), lines);

        Throwable refused = catchThrowable(option::load);

        assertThat(refused).isInstanceOf(ConfigException.class).hasMessageStartingWith(option.file + ":");
        return refused.getMessage().substring(option.file.toString().length());
    }

    @Test
    void knownKeysAndKeysOutsideFerrysOwnLoad() throws Exception {
        ConfigOption option = new ConfigOption();
        option.file = Files.writeString(dir.resolve("ferry.properties"), "ferry.aep.dataset-id=ds\nshop.region=eu\n");

        assertThat(option.load().asMap()).containsEntry("ferry.aep.dataset-id", "ds").containsEntry("shop.region", "eu");
    }
}

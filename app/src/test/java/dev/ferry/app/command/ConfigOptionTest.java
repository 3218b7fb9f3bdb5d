package dev.ferry.app.command;

import dev.ferry.app.check.Redactor;
import dev.ferry.app.log.LogRedaction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
}

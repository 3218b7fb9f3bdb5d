package dev.ferry.app;

import dev.ferry.app.process.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliIT {

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "run --help", "demo --help", "sandbox --help", "check --help", "dlq --help",
            "history --help"})
    void everyCommandExplainsItselfAndExitsZero(String args) throws Exception {
        FerryProcess.Result result = FerryProcess.run(work, Map.of(), args.split(" "));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Usage: ferry");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCodeTwo() throws Exception {
        FerryProcess.Result result = FerryProcess.run(work, Map.of(), "sail");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.output()).contains("Unmatched argument").contains("sail");
    }

    @Test
    void missingConfigFileIsOneLineNamingTheFileWithExitCodeThree() throws Exception {
        FerryProcess.Result result = FerryProcess.run(work, Map.of(), "run", "--config", "absent.properties");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(result.output().strip()).isEqualTo("ferry: config file not found: absent.properties");
    }

    @Test
    void unreachableStateDatabaseIsOneLineNamingTheHostWithoutAStackTraceOrThePasswordInItsUrl() throws Exception {
        Path config = work.resolve("ferry.properties");
        Files.writeString(config, "ferry.state.db.url=jdbc:mariadb://127.0.0.1:1/ferry?password=hunter2\n");

        FerryProcess.Result result = FerryProcess.run(work, Map.of(), "run", "--config", config.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("ferry: state database 127.0.0.1:1 is unreachable")
                .doesNotContain("\tat ").doesNotContain("hunter2");
    }

    @Test
    void verboseRunWithAnUnreachableStateDatabasePrintsTheStackTraceWithoutThePasswordInItsUrl() throws Exception {
        Path config = work.resolve("ferry.properties");
        Files.writeString(config, "ferry.state.db.url=jdbc:mariadb://ferry:hunter2@127.0.0.1:1/ferry\n");

        FerryProcess.Result result = FerryProcess.run(work, Map.of(), "run", "--verbose", "--config",
                config.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("\tat ").contains("****@127.0.0.1").doesNotContain("hunter2");
    }
}

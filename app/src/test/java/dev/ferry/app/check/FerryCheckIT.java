package dev.ferry.app.check;

import dev.ferry.app.ExitCodes;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.ferry.app.check.CheckRun.line;
import static dev.ferry.app.check.CheckRun.with;
import static dev.ferry.app.check.CheckRun.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry check} against the real AEP sandbox: its IMS issues tokens only for the right secret. */
class FerryCheckIT {

    private static SandboxSettings settings;
    private static AepSandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        settings = SandboxSettings.defaults();
        sandbox = AepSandbox.start(settings);
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Map<String, String> sandboxConfig() {
        Map<String, String> values = CheckRun.validConfig(sandbox.baseUrl());
        values.put("ferry.aep.client-id", settings.clientId());
        values.put("ferry.aep.client-secret", settings.clientSecret());
        values.put("ferry.aep.org-id", settings.imsOrgId());
        values.put("ferry.aep.platform.url", sandbox.baseUrl());
        values.put("ferry.aep.streaming.url", sandbox.baseUrl());
        values.put("ferry.aep.edge.url", sandbox.baseUrl());
        values.put("ferry.aep.datastream-id", settings.datastreamId());
        values.put("ferry.aep.streaming.connection-id", settings.streamingConnectionId());
        values.put("ferry.aep.dataset-id", settings.datasetId());
        values.put("ferry.aep.schema-id", settings.schemaId());
        return values;
    }

    @Test
    void validConfigAndDefaultRoutesPassEveryCheckWithExitCode0() throws Exception {
        CheckRun run = CheckRun.run(writeConfig(dir, sandboxConfig()), null, Map.of());

        assertThat(run.failures()).as(run.toString()).isEmpty();
        assertThat(run.out).contains(line("OK", "ims-token", "127.0.0.1:" + sandbox.port()
                + " issued an access token for client " + settings.clientId()));
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("ferry check passed: ");
        assertThat(run.out).doesNotContain(settings.clientSecret());
        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
    }

    @Test
    void wrongClientSecretFailsTheImsCheckWithHostAndImsErrorCodeAndExitCode4() throws Exception {
        Map<String, String> values = with(sandboxConfig(), "ferry.aep.client-secret", "wrong-secret-never-printed");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

        assertThat(run.failures()).singleElement().asString()
                .startsWith(line("FAIL", "ims-token", "127.0.0.1:" + sandbox.port() + ": IMS refused a token"))
                .contains("invalid_client");
        assertThat(run.out + run.err).doesNotContain("wrong-secret-never-printed");
        assertThat(run.exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
    }
}

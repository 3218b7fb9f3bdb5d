package dev.ferry.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FerryConfigTest {

    @Test
    void environmentVariableWinsOverTheFileAndTheFileOverTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ferry.properties");
        Files.writeString(file, "ferry.aep.client-id=from-file\nferry.http.port=9000\n");

        FerryConfig config = FerryConfig.load(file, Map.of("FERRY_AEP_CLIENT_ID", "from-env"));

        assertThat(config.get(FerrySetting.AEP_CLIENT_ID)).isEqualTo("from-env");
        assertThat(config.getInt(FerrySetting.HTTP_PORT)).isEqualTo(9000);
        assertThat(config.get(FerrySetting.AEP_PLATFORM_URL)).isEqualTo("https://platform.adobe.io");
    }

    @Test
    void environmentVariableNameIsUpperCaseWithDotsAndDashesAsUnderscores() {
        assertThat(FerrySetting.AEP_CLIENT_ID.environmentVariable()).isEqualTo("FERRY_AEP_CLIENT_ID");
        assertThat(FerrySetting.AEP_STREAMING_CONNECTION_ID.environmentVariable())
                .isEqualTo("FERRY_AEP_STREAMING_CONNECTION_ID");
    }

    @Test
    void environmentAlsoOverridesKeysThatOnlyTheFileDeclares() {
        FerryConfig config = FerryConfig.of(Map.of("ferry.orders.poll-interval", "5s"),
                Map.of("FERRY_ORDERS_POLL_INTERVAL", "1s"));

        assertThat(config.find("ferry.orders.poll-interval")).contains("1s");
    }

    @Test
    void redactedViewMasksSecretsButShowsEverythingElse() {
        FerryConfig config = FerryConfig.of(Map.of("ferry.aep.client-secret", "s3cr3t",
                "ferry.audiences.lookup-token", "tok", "ferry.aep.client-id", "abc"), Map.of());

        assertThat(config.redacted()).containsEntry("ferry.aep.client-secret", "****")
                .containsEntry("ferry.audiences.lookup-token", "****")
                .containsEntry("ferry.aep.client-id", "abc");
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("tok,");
    }

    @Test
    void missingRequiredKeyNamesTheKeyAndItsEnvironmentVariable() {
        FerryConfig config = FerryConfig.of(Map.of(), Map.of());

        assertThatThrownBy(() -> config.require(FerrySetting.AEP_CLIENT_ID))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ferry.aep.client-id is not set (property ferry.aep.client-id or environment variable FERRY_AEP_CLIENT_ID)");
    }

    @Test
    void missingConfigFileIsAOneLineError(@TempDir Path dir) {
        assertThatThrownBy(() -> FerryConfig.load(dir.resolve("nope.properties"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file not found: ");
    }

    @Test
    void nonNumericPortIsRejectedNamingTheKey() {
        FerryConfig config = FerryConfig.of(Map.of("ferry.http.port", "eighty"), Map.of());

        assertThatThrownBy(() -> config.getInt(FerrySetting.HTTP_PORT))
                .hasMessage("ferry.http.port must be a whole number, not 'eighty'");
    }
}

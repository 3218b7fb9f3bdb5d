package dev.ferry.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sandbox.FaultSettings;
import dev.ferry.sandbox.web.Json;
import org.junit.jupiter.api.Test;

class FaultSettingsJsonTest {

    @Test
    void readsTheAdminApiShapeAndDefaultsAbsentFields() {
        FaultSettings settings = FaultSettingsJson.read(Json.parse("{\"failFirst\":3,\"retryAfterSeconds\":2}").orElseThrow());

        assertThat(settings).isEqualTo(FaultSettings.builder().failFirst(3).failStatus(503).retryAfterSeconds(2).build());
    }

    @Test
    void writesWhatItReads() {
        FaultSettings settings = FaultSettings.builder().rateLimitEvery(5).latencyMs(20).down(true).build();

        assertThat(FaultSettingsJson.read(FaultSettingsJson.write(settings))).isEqualTo(settings);
    }

    @Test
    void refusesMistypedAndUnknownFieldsNamingThem() {
        assertThatThrownBy(() -> FaultSettingsJson.read(Json.parse("{\"failFirst\":\"3\"}").orElseThrow()))
                .hasMessageContaining("failFirst");
        assertThatThrownBy(() -> FaultSettingsJson.read(Json.parse("{\"down\":1}").orElseThrow()))
                .hasMessageContaining("down");
        assertThatThrownBy(() -> FaultSettingsJson.read(Json.parse("{\"slow\":true}").orElseThrow()))
                .hasMessageContaining("slow");
        assertThatThrownBy(() -> FaultSettingsJson.read(Json.parse("[]").orElseThrow()))
                .hasMessageContaining("JSON object");
    }
}

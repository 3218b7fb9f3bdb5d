package dev.ferry.app.admin;

import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminApiTest {

    @Test
    void aManagementPortOpenedBeyondLoopbackNeedsAnAdminToken() {
        FerryConfig open = FerryConfig.of(Map.of("ferry.management.host", "0.0.0.0"), Map.of());

        assertThatThrownBy(() -> AdminApi.checkExposure(open)).isInstanceOf(ConfigException.class)
                .hasMessage("ferry.management.host=0.0.0.0 opens the management port beyond this machine: "
                        + "set ferry.admin.token too");
        assertThatCode(() -> AdminApi.checkExposure(open.with(Map.of("ferry.admin.token", "t"))))
                .doesNotThrowAnyException();
    }

    @Test
    void theLoopbackManagementPortRunsWithoutAnAdminToken() {
        assertThatCode(() -> AdminApi.checkExposure(FerryConfig.of(Map.of(), Map.of()))).doesNotThrowAnyException();
        assertThatCode(() -> AdminApi.checkExposure(FerryConfig.of(Map.of("ferry.management.host", "localhost"),
                Map.of()))).doesNotThrowAnyException();
    }
}

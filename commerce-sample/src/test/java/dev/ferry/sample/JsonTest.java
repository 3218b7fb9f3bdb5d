package dev.ferry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesAsPhpJsonEncodeDoes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("method_title", "Check / Money order");
        value.put("city", "München");
        value.put("option_id", 93);
        value.put("list", List.of("a\"b"));

        assertThat(Json.write(value)).isEqualTo(
                "{\"method_title\":\"Check \\/ Money order\",\"city\":\"M\\u00fcnchen\",\"option_id\":93,"
                        + "\"list\":[\"a\\\"b\"]}");
    }
}

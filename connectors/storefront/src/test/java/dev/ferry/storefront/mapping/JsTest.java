package dev.ferry.storefront.mapping;

import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.json;
import static org.assertj.core.api.Assertions.assertThat;

class JsTest {

    @Test
    void truthinessIsJavaScripts() {
        var values = json("""
                {"zero": 0, "empty": "", "null": null, "false": false, "one": 1, "text": "a", "list": [], "object": {}}""");

        assertThat(Js.truthy(values.get("zero"))).isFalse();
        assertThat(Js.truthy(values.get("empty"))).isFalse();
        assertThat(Js.truthy(values.get("null"))).isFalse();
        assertThat(Js.truthy(values.get("false"))).isFalse();
        assertThat(Js.truthy(values.path("absent"))).isFalse();
        assertThat(Js.truthy(values.get("one"))).isTrue();
        assertThat(Js.truthy(values.get("text"))).isTrue();
        assertThat(Js.truthy(values.get("list"))).as("[] is truthy in JavaScript").isTrue();
        assertThat(Js.truthy(values.get("object"))).isTrue();
    }

    @Test
    void toFixedRoundsTheExactBinaryValueAsBrowsersDo() {
        assertThat(Js.toFixed2(1.005)).as("1.005 is 1.00499999... in binary").isEqualTo(1.0);
        assertThat(Js.toFixed2(19.99 * 3)).isEqualTo(59.97);
        assertThat(Js.toFixed2(34.333 * 3)).isEqualTo(103.0);
        assertThat(Js.toFixed2(2.675)).isEqualTo(2.67);
        assertThat(Js.toFixed2(0.125)).as("an exact half rounds up").isEqualTo(0.13);
        assertThat(Js.toFixed2(-0.125)).as("and away from zero").isEqualTo(-0.13);
    }

    @Test
    void numberAndStringConvertAsJavaScriptsNumberAndString() {
        var values = json("{\"text\": \" 12.5 \", \"word\": \"abc\", \"null\": null, \"whole\": 123.0}");

        assertThat(Js.number(values.get("text"))).isEqualTo(12.5);
        assertThat(Js.number(values.get("word"))).isNaN();
        assertThat(Js.number(values.get("null"))).isZero();
        assertThat(Js.number(values.path("absent"))).isNaN();
        assertThat(Js.string(values.get("whole"))).isEqualTo("123");
        assertThat(Js.string(values.path("absent"))).isEqualTo("undefined");
        assertThat(Js.numberNode(Double.NaN).isNull()).as("JSON.stringify(NaN) is null").isTrue();
        assertThat(Js.numberNode(2.0).isIntegralNumber()).isTrue();
    }
}

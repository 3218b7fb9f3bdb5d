package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UriPartsTest {

    @Test
    void takesSchemePathAndOptionsApart() {
        UriParts parts = UriParts.parse("aep:edge?datastreamId=abc&maxRequestBytes=1000");

        assertThat(parts.scheme()).isEqualTo("aep");
        assertThat(parts.path()).isEqualTo("edge");
        assertThat(parts.options()).containsOnlyKeys("datastreamId", "maxRequestBytes");
        assertThat(UriParts.parse("timer://tick").path()).isEqualTo("tick");
    }

    @Test
    void keepsAnAmpersandInsideRawValues() {
        assertThat(UriParts.parse("x:y?password=RAW(a&b)&other=1").options()).containsOnlyKeys("password", "other");
    }

    @Test
    void isNullForTextThatIsNoUri() {
        assertThat(UriParts.parse("just-a-name")).isNull();
        assertThat(UriParts.parse("{{where}}:x")).isNull();
    }

    @Test
    void resolvesPlaceholdersFromConfigDefaultsAndEnvironmentAndLeavesUnknownOnes() {
        UriParts.Resolver resolver = new UriParts.Resolver(Map.of("ferry.aep.datastream-id", "ds"), Map.of("CHANNEL", "edge"));

        assertThat(resolver.resolve("aep:edge?datastreamId={{ferry.aep.datastream-id}}")).isEqualTo("aep:edge?datastreamId=ds");
        assertThat(resolver.resolve("outbox:{{env:CHANNEL}}")).isEqualTo("outbox:edge");
        assertThat(resolver.resolve("timer:{{name:tick}}")).isEqualTo("timer:tick");
        assertThat(resolver.resolve("timer:{{unknown}}")).isEqualTo("timer:{{unknown}}");
    }
}

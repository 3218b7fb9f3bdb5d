package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentCatalogTest {

    private final ComponentCatalog catalog = ComponentCatalog.discover(getClass().getClassLoader());

    @Test
    void findsFerrysAndCamelsComponentsOnTheClassPath() {
        assertThat(catalog.schemes()).contains("aep", "outbox", "timer", "log", "direct", "platform-http");
        assertThat(catalog.isFerry("aep")).isTrue();
        assertThat(catalog.isFerry("timer")).isFalse();
    }

    @Test
    void readsFerryEndpointOptionsFromTheirUriParamFieldsIncludingCamelsOwn() {
        ComponentCatalog.Options aep = catalog.options("aep");

        assertThat(aep.names()).contains("datastreamId", "streamingConnectionId", "datasetId", "schemaId",
                "maxRequestBytes", "lazyStartProducer");
        assertThat(aep.pathName()).isEqualTo("api");
        assertThat(aep.pathValues()).containsExactly("edge", "streaming", "batch", "audiences", "activation");
        assertThat(aep.accepts("DATASETID")).isTrue();
        assertThat(catalog.options("outbox").names()).contains("batchSize", "pollInterval");
    }

    @Test
    void readsCamelComponentOptionsFromTheirJsonMetadata() {
        assertThat(catalog.options("timer").names()).contains("period", "delay", "repeatCount");
    }
}

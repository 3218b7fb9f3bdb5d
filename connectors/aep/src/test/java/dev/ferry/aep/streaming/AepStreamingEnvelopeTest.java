package dev.ferry.aep.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.http.AepPart;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AepStreamingEnvelopeTest {

    @Test
    void aMessageCarriesTheDatasetAndSchemaInItsHeaderAndTheEventAsXdmEntity() throws Exception {
        AepStreamingEnvelope envelope = new AepStreamingEnvelope("ORG@AdobeOrg", "dataset-1",
                "https://ns.adobe.com/tenant/schemas/events");
        String xdm = "{\"_id\":\"e1\",\"timestamp\":\"2025-03-01T10:00:00.000Z\",\"eventType\":\"commerce.productViews\"}";

        AepPart part = envelope.message(new OutboundEvent("e1", "shopper", xdm));
        JsonNode message = Xdm.JSON.readTree(part.json());

        assertThat(part.eventId()).isEqualTo("e1");
        JsonNode header = message.path("header");
        assertThat(header.path("schemaRef").path("id").asText()).isEqualTo("https://ns.adobe.com/tenant/schemas/events");
        assertThat(header.path("schemaRef").path("contentType").asText())
                .isEqualTo("application/vnd.adobe.xed-full+json;version=1");
        assertThat(header.path("imsOrgId").asText()).isEqualTo("ORG@AdobeOrg");
        assertThat(header.path("datasetId").asText()).isEqualTo("dataset-1");
        assertThat(header.path("source").path("name").asText()).isEqualTo("ferry");
        assertThat(message.path("body").path("xdmMeta").path("schemaRef")).isEqualTo(header.path("schemaRef"));
        assertThat(message.path("body").path("xdmEntity")).isEqualTo(Xdm.JSON.readTree(xdm));
    }
}

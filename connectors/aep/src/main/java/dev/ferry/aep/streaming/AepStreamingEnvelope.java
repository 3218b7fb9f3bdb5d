package dev.ferry.aep.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.aep.http.AepPart;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.Xdm;

import java.nio.charset.StandardCharsets;

/**
 * Wraps an XDM event in the message envelope streaming ingestion expects: a header naming the organisation,
 * dataset, schema and source, and a body carrying the event as {@code xdmEntity}. The parts shared by every
 * message are serialised once; the event's own JSON is spliced in as it is, never parsed again.
 */
public final class AepStreamingEnvelope {

    static final String CONTENT_TYPE = "application/vnd.adobe.xed-full+json;version=1";
    static final String SOURCE_NAME = "ferry";

    private final String head;

    public AepStreamingEnvelope(String orgId, String datasetId, String schemaId) {
        ObjectNode schemaRef = Xdm.JSON.createObjectNode();
        schemaRef.put("id", schemaId);
        schemaRef.put("contentType", CONTENT_TYPE);
        ObjectNode header = Xdm.JSON.createObjectNode();
        header.set("schemaRef", schemaRef);
        header.put("imsOrgId", orgId);
        header.put("datasetId", datasetId);
        header.putObject("source").put("name", SOURCE_NAME);
        ObjectNode xdmMeta = Xdm.JSON.createObjectNode();
        xdmMeta.set("schemaRef", schemaRef);
        this.head = "{\"header\":" + header + ",\"body\":{\"xdmMeta\":" + xdmMeta + ",\"xdmEntity\":";
    }

    public AepPart message(OutboundEvent event) {
        return new AepPart(event, (head + event.json() + "}}").getBytes(StandardCharsets.UTF_8));
    }
}

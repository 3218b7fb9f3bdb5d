package dev.ferry.aep.streaming;

import dev.ferry.aep.AepDeliveryProducer;
import dev.ferry.aep.AepEndpoint;
import dev.ferry.aep.http.AepPackedSender;
import dev.ferry.aep.http.AepRequest;
import dev.ferry.aep.http.AepRequestPacker;
import dev.ferry.aep.http.AepUrls;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.delivery.OutboundEvents;
import org.apache.camel.Exchange;

import java.net.URI;
import java.util.List;

/**
 * {@code aep:streaming}: posts events as DCS messages to {@code /collection/batch/{connectionId}}, in requests
 * under 1 MB, and settles each event from its entry in the multi-status answer.
 */
public class AepStreamingProducer extends AepDeliveryProducer {

    private AepStreamingEnvelope envelope;
    private AepPackedSender sender;

    public AepStreamingProducer(AepEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AepEndpoint endpoint = getEndpoint();
        envelope = new AepStreamingEnvelope(endpoint.getComponent().getOrgId(), endpoint.effectiveDatasetId(),
                endpoint.effectiveSchemaId());
        URI batch = AepUrls.of(endpoint.getComponent().getStreamingUrl(),
                "/collection/batch/" + AepUrls.encode(endpoint.effectiveStreamingConnectionId()));
        AepRequestPacker packer = new AepRequestPacker("{\"messages\":[", "]}", endpoint.effectiveMaxRequestBytes());
        sender = new AepPackedSender("AEP streaming ingestion", packer,
                body -> endpoint.http().send(AepRequest.postJson(batch, body, false)),
                AepStreamingAnswer::read);
    }

    @Override
    protected DeliveryReport deliver(Exchange exchange) {
        List<OutboundEvent> events = OutboundEvents.from(exchange.getIn().getBody());
        return sender.deliver(events.stream().map(envelope::message).toList());
    }
}

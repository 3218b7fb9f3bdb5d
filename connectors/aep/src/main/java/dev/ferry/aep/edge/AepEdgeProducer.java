package dev.ferry.aep.edge;

import dev.ferry.aep.AepDeliveryProducer;
import dev.ferry.aep.AepEndpoint;
import dev.ferry.aep.http.AepPackedSender;
import dev.ferry.aep.http.AepPart;
import dev.ferry.aep.http.AepRequest;
import dev.ferry.aep.http.AepRequestPacker;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepUrls;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.delivery.OutboundEvents;
import org.apache.camel.Exchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code aep:edge}: posts events to the Edge Network's collect endpoint as {@code {"events":[{"xdm":...}]}}, in
 * requests under the Edge limit. Edge accepts or refuses a request as a whole, so a 2xx delivers all its events.
 */
public class AepEdgeProducer extends AepDeliveryProducer {

    /** Edge's error code for a datastream id it does not know. */
    static final String UNKNOWN_DATASTREAM = "EXEG-0003-400";

    private AepPackedSender sender;

    public AepEdgeProducer(AepEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AepEndpoint endpoint = getEndpoint();
        URI collect = AepUrls.of(endpoint.getComponent().getEdgeUrl(),
                "/ee/v2/collect?datastreamId=" + AepUrls.encode(endpoint.effectiveDatastreamId()));
        AepRequestPacker packer = new AepRequestPacker("{\"events\":[", "]}", endpoint.effectiveMaxRequestBytes());
        sender = new AepPackedSender("AEP Edge", packer,
                body -> refuseConfigurationFaults(endpoint.http().send(AepRequest.postJson(collect, body, false))),
                (parts, answer, report) -> parts.forEach(part -> report.delivered(part.eventId())));
    }

    /**
     * Edge answers an unknown datastream with a 400 like an invalid event; read as one, it would send every event
     * to dead letters for what is a configuration mistake, so it defers them instead.
     */
    static AepResponse refuseConfigurationFaults(AepResponse answer) {
        if (answer.status() == 400 && answer.json().path("type").asText("").endsWith(UNKNOWN_DATASTREAM)) {
            throw new DeliveryException(FailureKind.RETRYABLE, "AEP Edge does not know the datastream: "
                    + answer.reason() + "; check the datastreamId option");
        }
        return answer;
    }

    @Override
    protected DeliveryReport deliver(Exchange exchange) {
        List<OutboundEvent> events = OutboundEvents.from(exchange.getIn().getBody());
        return sender.deliver(events.stream().map(AepEdgeProducer::part).toList());
    }

    static AepPart part(OutboundEvent event) {
        return new AepPart(event, ("{\"xdm\":" + event.json() + "}").getBytes(StandardCharsets.UTF_8));
    }
}

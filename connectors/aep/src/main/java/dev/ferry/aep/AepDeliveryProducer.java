package dev.ferry.aep;

import dev.ferry.core.delivery.DeliveryReport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every aep producer shares: its options are checked when the route starts, and whatever AEP answers, the
 * exchange ends with a {@link DeliveryReport} as its body rather than an exception, so the caller (the outbox)
 * settles each event on its own.
 */
public abstract class AepDeliveryProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AepDeliveryProducer.class);

    protected AepDeliveryProducer(AepEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AepEndpoint getEndpoint() {
        return (AepEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        getEndpoint().validate();
        super.doStart();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DeliveryReport report = deliver(exchange);
        Message message = exchange.getMessage();
        message.setBody(report);
        message.setHeader(AepHeaders.DELIVERED, report.deliveredIds().size());
        message.setHeader(AepHeaders.REJECTED, report.rejections().size());
        report.deferral().ifPresentOrElse(
                deferral -> message.setHeader(AepHeaders.DEFERRAL, deferral.kind().name()),
                () -> message.removeHeader(AepHeaders.DEFERRAL));
        LOG.debug("aep:{}: {} delivered, {} rejected{}", getEndpoint().getApi(), report.deliveredIds().size(),
                report.rejections().size(), report.deferral().map(d -> ", rest deferred: " + d.getMessage()).orElse(""));
    }

    /** Sends the exchange's events and says what became of each; AEP's answers never escape as exceptions. */
    protected abstract DeliveryReport deliver(Exchange exchange) throws Exception;
}

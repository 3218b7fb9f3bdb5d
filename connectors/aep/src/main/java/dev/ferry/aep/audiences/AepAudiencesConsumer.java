package dev.ferry.aep.audiences;

import dev.ferry.aep.AepEndpoint;
import dev.ferry.core.audience.Audience;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

import java.util.List;

/**
 * {@code from("aep:audiences")}: every {@code delay} milliseconds reads AEP's whole audience catalog and hands it
 * on as one exchange whose body is the {@code List<Audience>}. A failed read (AEP down, credentials refused) is
 * logged by Camel's poll strategy and tried again at the next poll.
 */
public class AepAudiencesConsumer extends ScheduledPollConsumer {

    private AepAudiencePages pages;

    public AepAudiencesConsumer(AepEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        setDelay(endpoint.getDelay());
    }

    @Override
    public AepEndpoint getEndpoint() {
        return (AepEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        AepEndpoint endpoint = getEndpoint();
        endpoint.validate();
        pages = new AepAudiencePages(endpoint.http(), endpoint.getComponent().getPlatformUrl(), endpoint.getPageSize());
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        List<Audience> audiences = pages.readAll();
        Exchange exchange = createExchange(true);
        exchange.getIn().setBody(audiences);
        try {
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("aep:audiences could not process the catalog", exchange,
                        exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return audiences.size();
    }
}

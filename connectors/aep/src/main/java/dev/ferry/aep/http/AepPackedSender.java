package dev.ferry.aep.http;

import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;

import java.util.List;

/**
 * Delivers events in packed requests, in order, so that one bad event never holds back the others: a request AEP
 * refuses as a whole (400, 413, 422) is split in halves until each refused event stands alone and is rejected
 * with AEP's reason. When a request cannot be delivered at all (attempts exhausted, credentials refused), no
 * further request is sent, and the report defers everything not yet settled.
 */
public final class AepPackedSender {

    /** Sends one request body and returns AEP's answer; throws {@link DeliveryException} when AEP cannot be reached. */
    @FunctionalInterface
    public interface Transport {
        AepResponse send(byte[] body);
    }

    /** Settles the parts of a request AEP accepted (2xx), from what its answer says about each. */
    @FunctionalInterface
    public interface AnswerReader {
        void read(List<AepPart> parts, AepResponse answer, DeliveryReport report);
    }

    private final String target;
    private final AepRequestPacker packer;
    private final Transport transport;
    private final AnswerReader reader;

    /** @param target what the requests go to, as messages name it, e.g. "AEP Edge" */
    public AepPackedSender(String target, AepRequestPacker packer, Transport transport, AnswerReader reader) {
        this.target = target;
        this.packer = packer;
        this.transport = transport;
        this.reader = reader;
    }

    public DeliveryReport deliver(List<AepPart> parts) {
        DeliveryReport report = new DeliveryReport();
        try {
            for (List<AepPart> request : packer.pack(parts)) {
                if (packer.fits(request)) {
                    sendIsolating(request, report);
                } else {
                    AepPart tooLarge = request.get(0);
                    report.rejected(tooLarge.eventId(), "the event takes " + packer.bodySize(request) + " bytes in a "
                            + "request; " + target + " accepts at most " + packer.maxBytes() + " bytes per request");
                }
            }
        } catch (DeliveryException e) {
            report.deferred(e);
        }
        return report;
    }

    private void sendIsolating(List<AepPart> parts, DeliveryReport report) {
        AepResponse answer = transport.send(packer.body(parts));
        if (answer.isSuccess()) {
            reader.read(parts, answer, report);
        } else if (!AepStatus.rejectsPayload(answer.status())) {
            // 404, 405, 409...: the URL or configuration is wrong, not the events; an operator must act.
            throw new DeliveryException(FailureKind.RETRYABLE, target + " answered " + answer.reason()
                    + "; check the connector's URLs and ids");
        } else if (parts.size() == 1) {
            report.rejected(parts.get(0).eventId(), answer.reason());
        } else {
            int half = parts.size() / 2;
            sendIsolating(parts.subList(0, half), report);
            sendIsolating(parts.subList(half, parts.size()), report);
        }
    }
}

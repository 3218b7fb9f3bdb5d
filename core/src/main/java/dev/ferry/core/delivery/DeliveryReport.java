package dev.ferry.core.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What became of each event in one delivery: accepted by AEP, or rejected as invalid with AEP's reason. A sink
 * leaves this as the exchange body so the outbox can settle every event.
 */
public final class DeliveryReport {

    private final List<String> delivered = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private DeliveryException deferral;

    public void delivered(String eventId) {
        delivered.add(eventId);
    }

    public void rejected(String eventId, String reason) {
        rejected.add(new Rejection(eventId, reason));
    }

    /**
     * Records why the events that are neither delivered nor rejected were left for later (AEP asked us to wait,
     * or failed), so the outbox backs off as AEP asked while the settled ones are not sent again.
     */
    public void deferred(DeliveryException cause) {
        deferral = cause;
    }

    public void addAll(DeliveryReport other) {
        delivered.addAll(other.delivered);
        rejected.addAll(other.rejected);
        if (other.deferral != null) {
            deferral = other.deferral;
        }
    }

    public Optional<DeliveryException> deferral() {
        return Optional.ofNullable(deferral);
    }

    public List<String> deliveredIds() {
        return Collections.unmodifiableList(delivered);
    }

    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejected);
    }

    @Override
    public String toString() {
        return "DeliveryReport[delivered=" + delivered.size() + ", rejected=" + rejected.size() + "]";
    }

    /** An event AEP refused, and why in AEP's words. */
    public record Rejection(String eventId, String reason) {
    }
}

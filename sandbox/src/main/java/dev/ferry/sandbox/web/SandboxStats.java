package dev.ferry.sandbox.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters behind {@code GET /sandbox/stats}. They are {@link LongAdder}s because every event loop and worker
 * increments them on the hot path; reads are rare.
 */
public final class SandboxStats {

    private final Map<Api, LongAdder> requests = new EnumMap<>(Api.class);
    private final LongAdder eventsAccepted = new LongAdder();
    private final LongAdder eventsRejected = new LongAdder();
    private final LongAdder duplicateIds = new LongAdder();
    private final LongAdder served429 = new LongAdder();
    private final LongAdder served503 = new LongAdder();

    public SandboxStats() {
        for (Api api : Api.values()) {
            requests.put(api, new LongAdder());
        }
    }

    public void request(Api api) {
        requests.get(api).increment();
    }

    public void eventAccepted(boolean duplicateId) {
        eventsAccepted.increment();
        if (duplicateId) {
            duplicateIds.increment();
        }
    }

    public void eventRejected() {
        eventsRejected.increment();
    }

    /** Counts the throttling and unavailability answers clients had to cope with. */
    public void served(int status) {
        if (status == 429) {
            served429.increment();
        } else if (status == 503) {
            served503.increment();
        }
    }

    public long eventsAccepted() {
        return eventsAccepted.sum();
    }

    public long eventsRejected() {
        return eventsRejected.sum();
    }

    public long duplicateIds() {
        return duplicateIds.sum();
    }

    public ObjectNode toJson() {
        ObjectNode perApi = Json.object();
        requests.forEach((api, count) -> perApi.put(api.statName(), count.sum()));
        ObjectNode events = Json.object()
                .put("accepted", eventsAccepted.sum())
                .put("rejected", eventsRejected.sum())
                .put("duplicateIds", duplicateIds.sum());
        ObjectNode served = Json.object()
                .put("429", served429.sum())
                .put("503", served503.sum());
        ObjectNode stats = Json.object();
        stats.set("requests", perApi);
        stats.set("events", events);
        stats.set("served", served);
        return stats;
    }
}

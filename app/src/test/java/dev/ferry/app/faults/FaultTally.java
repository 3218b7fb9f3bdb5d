package dev.ferry.app.faults;

import dev.ferry.sandbox.ReceivedEvents;
import java.util.Collection;
import java.util.List;

/**
 * What one fault scenario owed AEP and what arrived, counted by the events' deterministic {@code _id}s, printed as
 * the suite's one line per scenario: sent, acknowledged, delivered, duplicated, dead-lettered, lost.
 */
final class FaultTally {

    private final String scenario;
    private final int sent;
    private final List<String> acknowledged;
    private final long delivered;
    private final long duplicated;
    private final long deadLettered;

    private FaultTally(String scenario, int sent, List<String> acknowledged, ReceivedEvents aep, long deadLettered) {
        this.scenario = scenario;
        this.sent = sent;
        this.acknowledged = acknowledged;
        this.delivered = acknowledged.stream().filter(id -> aep.countById(id) > 0).count();
        this.duplicated = acknowledged.stream().filter(id -> aep.countById(id) > 1).count();
        this.deadLettered = deadLettered;
    }

    /**
     * @param sent         events the scenario tried to hand to Ferry
     * @param acknowledged ids of the events Ferry took responsibility for (a 202, a committed Commerce change)
     * @param deadLettered how many of those AEP refused and Ferry kept as dead letters
     */
    static FaultTally count(String scenario, int sent, Collection<String> acknowledged, ReceivedEvents aep,
                            long deadLettered) {
        FaultTally tally = new FaultTally(scenario, sent, List.copyOf(acknowledged), aep, deadLettered);
        System.out.println(tally);
        return tally;
    }

    /** Acknowledged events neither in AEP nor kept as dead letters. */
    long lost() {
        return acknowledged.size() - delivered - deadLettered;
    }

    long duplicated() {
        return duplicated;
    }

    @Override
    public String toString() {
        return String.format("fault %s: sent %d, acknowledged %d, delivered %d, duplicated %d, dead-lettered %d, "
                + "lost %d", scenario, sent, acknowledged.size(), delivered, duplicated, deadLettered, lost());
    }
}

package dev.ferry.bench;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.ReceivedEvents;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every distinct {@code _id} the AEP sandbox accepted during the soak, without keeping the events. The sandbox
 * retains only its newest events in a bounded ring (millions of 2.4 KB events do not fit in memory), so this reads
 * the ring every second and remembers the ids it holds: a storefront event of the load as one bit of its number,
 * any other id (the order poller's) in a set. A read is complete only if the ring has not wrapped past what the
 * previous read saw: each read checks that an event the previous read found is still retained, and counts a gap
 * otherwise, in which case the per-id check does not hold and the soak says so.
 */
final class DeliveredIds implements AutoCloseable {

    /**
     * How far below the ring's newest slot the marker of a read is taken: the newest slots may still be being
     * written by the sandbox's workers when a read passes them, the ones this deep are settled.
     */
    private static final int MARKER_DEPTH = 1_000;

    private final ReceivedEvents ring;
    private final BitSet storefront = new BitSet();
    private final Set<String> others = new HashSet<>();
    private final ScheduledExecutorService reader =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("soak-delivered-ids"));
    private ReceivedEvent marker;
    private long gaps;

    DeliveredIds(ReceivedEvents ring) {
        this.ring = ring;
    }

    void start() {
        reader.scheduleWithFixedDelay(this::read, 1, 1, TimeUnit.SECONDS);
    }

    /** Reads the ring once more, then stops reading. */
    @Override
    public void close() throws InterruptedException {
        reader.shutdown();
        reader.awaitTermination(30, TimeUnit.SECONDS);
        read();
    }

    synchronized void read() {
        List<ReceivedEvent> retained = ring.list();
        boolean markerFound = marker == null;
        for (ReceivedEvent event : retained) {
            markerFound |= event == marker;
            if (!event.valid() || event.id().isEmpty()) {
                continue;
            }
            int number = SoakLoad.eventNumber(event.id());
            if (number >= 0) {
                storefront.set(number);
            } else {
                others.add(event.id());
            }
        }
        if (!markerFound) {
            gaps++;
        }
        if (retained.size() > MARKER_DEPTH) {
            marker = retained.get(MARKER_DEPTH);
        }
    }

    /** Reads that found the ring wrapped past the previous read: events may have come and gone unseen. */
    synchronized long gaps() {
        return gaps;
    }

    synchronized BitSet storefront() {
        return (BitSet) storefront.clone();
    }

    synchronized Set<String> others() {
        return Set.copyOf(others);
    }

    synchronized long distinct() {
        return storefront.cardinality() + others.size();
    }
}

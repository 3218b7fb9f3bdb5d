package dev.ferry.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * What the sandbox received, for inspection by tests, the demo and the {@code /sandbox} pages.
 *
 * <p>A fixed-size ring keeps the newest {@code capacity} events, so a long benchmark cannot exhaust memory; once
 * full, each new event evicts the oldest. Recording is lock-free because every ingestion worker records
 * concurrently. Duplicate detection counts accepted events by {@code _id} among the retained ones.
 */
public final class ReceivedEvents {

    private final AtomicReferenceArray<ReceivedEvent> ring;
    private final AtomicLong nextSlot = new AtomicLong();
    private final ConcurrentHashMap<String, Long> acceptedById = new ConcurrentHashMap<>();

    public ReceivedEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Retains an event, evicting the oldest one when the ring is full.
     *
     * @return true when an accepted event with the same {@code _id} was already retained
     */
    public boolean record(ReceivedEvent event) {
        boolean duplicate = false;
        if (event.valid() && !event.id().isEmpty()) {
            duplicate = acceptedById.merge(event.id(), 1L, Long::sum) > 1;
        }
        int slot = (int) (nextSlot.getAndIncrement() % ring.length());
        forget(ring.getAndSet(slot, event));
        return duplicate;
    }

    /** Every retained event, newest first. */
    public List<ReceivedEvent> list() {
        return list(ring.length(), null, null);
    }

    /**
     * Retained events, newest first.
     *
     * @param limit     at most this many
     * @param channel   only this channel, or null for all
     * @param eventType only this XDM {@code eventType}, or null for all
     */
    public List<ReceivedEvent> list(int limit, Channel channel, String eventType) {
        Predicate<ReceivedEvent> wanted = e -> (channel == null || e.channel() == channel)
                && (eventType == null || e.eventType().equals(eventType));
        List<ReceivedEvent> result = new ArrayList<>();
        long newest = nextSlot.get() - 1;
        long oldest = Math.max(0, newest - ring.length() + 1);
        for (long s = newest; s >= oldest && result.size() < limit; s--) {
            ReceivedEvent event = ring.get((int) (s % ring.length()));
            if (event != null && wanted.test(event)) {
                result.add(event);
            }
        }
        return result;
    }

    /** How many accepted events with this {@code _id} are retained; more than one means AEP got a duplicate. */
    public long countById(String id) {
        return acceptedById.getOrDefault(id, 0L);
    }

    /** How many events (accepted or rejected) are retained. */
    public int size() {
        int count = 0;
        for (int i = 0; i < ring.length(); i++) {
            if (ring.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    /** Forgets every retained event. */
    public void clear() {
        for (int i = 0; i < ring.length(); i++) {
            forget(ring.getAndSet(i, null));
        }
    }

    private void forget(ReceivedEvent evicted) {
        if (evicted != null && evicted.valid() && !evicted.id().isEmpty()) {
            acceptedById.computeIfPresent(evicted.id(), (id, n) -> n > 1 ? n - 1 : null);
        }
    }
}

package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The durable queue between sources and AEP. Sources append in their own transaction (with their checkpoint);
 * delivery reads in acceptance order per channel and removes what AEP settled. Survives {@code kill -9}: an event
 * is acknowledged only once its insert is committed.
 */
public final class Outbox {

    private final StateDatabase database;

    Outbox(StateDatabase database) {
        this.database = database;
    }

    /**
     * Appends events to a channel inside the caller's transaction. An event whose id is already waiting in the
     * channel is not added twice. Returns how many events and bytes were added.
     */
    public Appended append(Connection connection, String channel, List<OutboundEvent> events) throws SQLException {
        return appendEach(connection, channel, List.of(events)).get(0);
    }

    /**
     * Appends several callers' events to a channel, in order, inside the caller's transaction, with one look-up
     * of the ids already waiting and one insert batch for all of them. Returns what each caller's events added; an
     * event already waiting, or sent earlier in the same call, is not added again.
     */
    List<Appended> appendEach(Connection connection, String channel, List<List<OutboundEvent>> batches)
            throws SQLException {
        List<OutboundEvent> all = batches.size() == 1 ? batches.get(0)
                : batches.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return batches.stream().map(batch -> new Appended(0, 0)).toList();
        }
        Set<String> seen = waitingIds(connection, channel, all);
        long now = System.currentTimeMillis();
        List<Appended> appended = new ArrayList<>(batches.size());
        int inserts = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ferry_outbox (channel, event_id, partition_key, payload, bytes, attempts, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            for (List<OutboundEvent> batch : batches) {
                int added = 0;
                long bytes = 0;
                for (OutboundEvent event : batch) {
                    if (!seen.add(event.id())) {
                        continue;
                    }
                    insert.setString(1, channel);
                    insert.setString(2, event.id());
                    insert.setString(3, event.partitionKey());
                    insert.setString(4, event.json());
                    int size = event.sizeInBytes();
                    insert.setInt(5, size);
                    insert.setLong(6, now);
                    insert.addBatch();
                    added++;
                    bytes += size;
                }
                appended.add(new Appended(added, bytes));
                inserts += added;
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
        return appended;
    }

    /** Appends durably: returns once the events are committed (see {@link #append(String, List, Map)}). */
    public Appended append(String channel, List<OutboundEvent> events) {
        return append(channel, events, Map.of());
    }

    /**
     * Appends events and writes the checkpoints they advance, committed together; returns once committed, so the
     * caller may acknowledge. Concurrent appends share one transaction (group commit), which is what lets a
     * collector keep up with many small requests.
     *
     * @throws StateException when the commit failed: nothing of this append is stored
     */
    public Appended append(String channel, List<OutboundEvent> events, Map<String, String> checkpoints) {
        if (events.isEmpty() && checkpoints.isEmpty()) {
            return new Appended(0, 0);
        }
        return database.groupCommit().append(channel, events, checkpoints);
    }

    private static Set<String> waitingIds(Connection connection, String channel, List<OutboundEvent> events)
            throws SQLException {
        Set<String> waiting = new HashSet<>();
        List<String> ids = events.stream().map(OutboundEvent::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_id FROM ferry_outbox WHERE channel = ? AND event_id IN (" + marks + ")")) {
                select.setString(1, channel);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        waiting.add(rows.getString(1));
                    }
                }
            }
        }
        return waiting;
    }

    /** The oldest waiting events of a channel, in the order they were accepted. */
    public List<OutboxRecord> next(String channel, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, event_id, partition_key, payload, attempts, created_at FROM ferry_outbox "
                            + "WHERE channel = ? ORDER BY channel, seq LIMIT ?")) {
                // LIMIT, not setMaxRows: PostgreSQL's planner must know the limit to walk the (channel, seq) index
                // instead of sorting a channel's whole backlog for every batch.
                select.setString(1, channel);
                select.setInt(2, limit);
                select.setFetchSize(Math.min(limit, 1000));
                List<OutboxRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new OutboxRecord(rows.getLong(1), channel,
                                new OutboundEvent(rows.getString(2), rows.getString(3), rows.getString(4)),
                                rows.getInt(5), rows.getLong(6)));
                    }
                }
                return records;
            }
        });
    }

    /** Removes settled events (delivered, or moved to dead letters in the same transaction). */
    public void remove(Connection connection, Collection<Long> seqs) throws SQLException {
        List<Long> all = List.copyOf(seqs);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = chunk.stream().map(seq -> "?").collect(Collectors.joining(","));
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ferry_outbox WHERE seq IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i));
                }
                delete.executeUpdate();
            }
        }
    }

    /** Counts a failed attempt on events that stay in the outbox. */
    public void recordAttempt(Collection<Long> seqs) {
        database.transact(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ferry_outbox SET attempts = attempts + 1 WHERE seq = ?")) {
                for (long seq : seqs) {
                    update.setLong(1, seq);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** What waits in a channel (or in all channels when channel is null): count, bytes and the oldest's age. */
    public Backlog backlog(String channel) {
        return database.inTransaction(connection -> {
            String where = channel == null ? "" : " WHERE channel = ?";
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(bytes), 0), MIN(created_at) FROM ferry_outbox" + where)) {
                if (channel != null) {
                    select.setString(1, channel);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long events = rows.getLong(1);
                    long bytes = rows.getLong(2);
                    long oldest = rows.getLong(3);
                    // wasNull() speaks of the column read last: MIN is null when nothing waits.
                    return new Backlog(events, bytes, rows.wasNull() ? null : oldest);
                }
            }
        });
    }

    /** What one append added: events already waiting are not counted. */
    public record Appended(int events, long bytes) {
    }

    /** How much waits to be delivered. */
    public record Backlog(long events, long bytes, Long oldestCreatedAtMillis) {
    }
}

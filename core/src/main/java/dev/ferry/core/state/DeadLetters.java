package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Events AEP refused as invalid, kept with AEP's reason and the payload so an operator can fix the cause and
 * replay them; they never block the events behind them.
 */
public final class DeadLetters {

    /**
     * Ends the channel of a letter that records source rows which could not become an event (an unmappable order):
     * such a letter names the rows and the reason for an operator, and replaying it would send nothing AEP accepts,
     * so {@link #replay} leaves it where it is.
     */
    public static final String UNMAPPABLE_SUFFIX = ".unmappable";

    private static final int MAX_REASON = 4000;
    /** Letters one purge statement deletes at most (see {@link #purgeOlderThan(Duration, int)}). */
    private static final int PURGE_SLICE = 10_000;

    private final StateDatabase database;

    DeadLetters(StateDatabase database) {
        this.database = database;
    }

    public void add(Connection connection, String channel, OutboundEvent event, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ferry_dead_letter (channel, event_id, partition_key, payload, reason, failed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, channel);
            insert.setString(2, event.id());
            insert.setString(3, event.partitionKey());
            insert.setString(4, event.json());
            insert.setString(5, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
            insert.setLong(6, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    public void add(String channel, OutboundEvent event, String reason) {
        database.transact(connection -> add(connection, channel, event, reason));
    }

    /**
     * Adds a letter unless the channel already holds one for the event: a letter that records source rows (an
     * unmappable order) is written again each time those rows are read again (the poller's overlap window, a retried
     * poll, a resumed export), and one letter tells the operator all there is.
     *
     * @return whether the letter was added
     */
    public boolean addOnce(String channel, OutboundEvent event, String reason) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM ferry_dead_letter WHERE channel = ? AND event_id = ?")) {
                select.setString(1, channel);
                select.setString(2, event.id());
                try (ResultSet found = select.executeQuery()) {
                    if (found.next()) {
                        return false;
                    }
                }
            }
            add(connection, channel, event, reason);
            return true;
        });
    }

    /** Newest first; reasonContains filters case-insensitively when given. */
    public List<DeadLetter> list(String reasonContains, int limit) {
        return database.inTransaction(connection -> {
            String where = reasonContains == null ? "" : " WHERE LOWER(reason) LIKE ?";
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, channel, event_id, partition_key, payload, reason, failed_at FROM ferry_dead_letter"
                            + where + " ORDER BY id DESC LIMIT ?")) {
                int parameter = 1;
                if (reasonContains != null) {
                    select.setString(parameter++, "%" + reasonContains.toLowerCase(java.util.Locale.ROOT) + "%");
                }
                select.setInt(parameter, limit);
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        letters.add(read(rows));
                    }
                }
                return letters;
            }
        });
    }

    public Optional<DeadLetter> find(long id) {
        return database.inTransaction(connection -> find(connection, id));
    }

    private static Optional<DeadLetter> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, channel, event_id, partition_key, payload, reason, failed_at FROM ferry_dead_letter WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Puts dead letters back into their channel's outbox, in one transaction; returns how many were replayed.
     * Letters of unmappable source rows ({@link #UNMAPPABLE_SUFFIX}) stay.
     */
    public int replay(Collection<Long> ids) {
        return database.inTransaction(connection -> {
            int replayed = 0;
            for (long id : ids) {
                Optional<DeadLetter> letter = find(connection, id);
                if (letter.isEmpty() || letter.get().channel().endsWith(UNMAPPABLE_SUFFIX)) {
                    continue;
                }
                database.outbox().append(connection, letter.get().channel(), List.of(letter.get().event()));
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ferry_dead_letter WHERE id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                replayed++;
            }
            return replayed;
        });
    }

    public List<Long> allIds() {
        return database.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM ferry_dead_letter ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Deletes dead letters older than the given age; returns how many. */
    public int purgeOlderThan(Duration age) {
        return purgeOlderThan(age, PURGE_SLICE);
    }

    /**
     * Deletes the oldest {@code slice} letters before the cutoff at a time, each slice a transaction of its own: one
     * statement over a million letters could outlast the state database's socket timeout and never finish, where
     * slices always do; a purge stopped half-way has deleted only letters it was asked to.
     */
    int purgeOlderThan(Duration age, int slice) {
        long cutoff = System.currentTimeMillis() - age.toMillis();
        int purged = 0;
        int deleted;
        do {
            deleted = purgeSlice(cutoff, slice);
            purged += deleted;
        } while (deleted >= slice);
        return purged;
    }

    /** Letters failing in the same millisecond fall in one slice, so a slice may hold a few more than asked. */
    private int purgeSlice(long cutoff, int slice) {
        return database.inTransaction(connection -> {
            long upTo = cutoff - 1;
            try (PreparedStatement last = connection.prepareStatement("SELECT failed_at FROM ferry_dead_letter "
                    + "WHERE failed_at < ? ORDER BY failed_at LIMIT 1 OFFSET ?")) {
                last.setLong(1, cutoff);
                last.setInt(2, slice - 1);
                try (ResultSet rows = last.executeQuery()) {
                    if (rows.next()) {
                        upTo = rows.getLong(1);
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ferry_dead_letter WHERE failed_at <= ?")) {
                delete.setLong(1, upTo);
                return delete.executeUpdate();
            }
        });
    }

    public long count() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM ferry_dead_letter");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static DeadLetter read(ResultSet rows) throws SQLException {
        return new DeadLetter(rows.getLong(1), rows.getString(2),
                new OutboundEvent(rows.getString(3), rows.getString(4), rows.getString(5)),
                rows.getString(6), rows.getLong(7));
    }
}

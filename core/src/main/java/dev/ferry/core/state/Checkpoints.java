package dev.ferry.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each source stands (a watermark, a page key, a file offset), written in the same transaction as the
 * events it produced, so a crash can neither skip nor repeat them.
 */
public final class Checkpoints {

    /** SQLSTATE class 23: the insert met the table's key, as every database Ferry keeps state in reports it. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private final StateDatabase database;

    Checkpoints(StateDatabase database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT checkpoint_value FROM ferry_checkpoint WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every checkpoint whose name starts with {@code prefix}; a prefix's {@code %} and {@code _} are plain characters. */
    public Map<String, String> startingWith(String prefix) {
        String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, checkpoint_value"
                    + " FROM ferry_checkpoint WHERE name LIKE ? ESCAPE '!'")) {
                select.setString(1, pattern);
                Map<String, String> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getString(2));
                    }
                }
                return found;
            }
        });
    }

    public void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(database.dialect().upsertCheckpoint)) {
            upsert.setString(1, name);
            upsert.setString(2, value);
            upsert.setLong(3, System.currentTimeMillis());
            upsert.executeUpdate();
        }
    }

    public void putAll(Connection connection, Map<String, String> values) throws SQLException {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            put(connection, entry.getKey(), entry.getValue());
        }
    }

    public void put(String name, String value) {
        database.transact(connection -> put(connection, name, value));
    }

    /**
     * Writes a checkpoint that does not exist yet, as one step that cannot interleave with another writer's: of two
     * writers racing for the same new name, the table's key lets one win.
     *
     * @return false when the name exists (or another writer created it first)
     */
    public boolean putIfAbsent(String name, String value) {
        try {
            return database.inTransaction(connection -> {
                if (exists(connection, name)) {
                    return false;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ferry_checkpoint (name, checkpoint_value, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (StateException e) {
            if (e.getCause() instanceof SQLException cause && cause.getSQLState() != null
                    && cause.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                return false;
            }
            throw e;
        }
    }

    /** @return false when the checkpoint no longer holds {@code expected}: another writer changed or removed it */
    public boolean replace(String name, String expected, String value) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ferry_checkpoint SET checkpoint_value"
                    + " = ?, updated_at = ? WHERE name = ? AND checkpoint_value = ?")) {
                update.setString(1, value);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, name);
                update.setString(4, expected);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Removes a checkpoint only while it holds {@code expected}; another writer's value is left alone. */
    public void remove(String name, String expected) {
        database.transact(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ferry_checkpoint WHERE name = ? AND checkpoint_value = ?")) {
                delete.setString(1, name);
                delete.setString(2, expected);
                delete.executeUpdate();
            }
        });
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM ferry_checkpoint WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}

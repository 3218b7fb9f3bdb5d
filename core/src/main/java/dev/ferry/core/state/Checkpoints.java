package dev.ferry.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Where each source stands (a watermark, a page key, a file offset), written in the same transaction as the
 * events it produced, so a crash can neither skip nor repeat them.
 */
public final class Checkpoints {

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
}

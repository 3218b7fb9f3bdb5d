package dev.ferry.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Session settings the sample's writes depend on, set on a caller's connection and put back afterwards, so a
 * pooled connection returns to its pool as it came.
 */
final class Sessions {

    /** The time zone and SQL mode a session had before the sample changed them; closing restores them. */
    static final class Saved implements AutoCloseable {

        private final Connection connection;
        private final String timeZone;
        private final String sqlMode;

        private Saved(Connection connection, String timeZone, String sqlMode) {
            this.connection = connection;
            this.timeZone = timeZone;
            this.sqlMode = sqlMode;
        }

        @Override
        public void close() throws SQLException {
            try (PreparedStatement restore = connection.prepareStatement("SET time_zone = ?, sql_mode = ?")) {
                restore.setString(1, timeZone);
                restore.setString(2, sqlMode);
                restore.execute();
            }
        }
    }

    private Sessions() {
    }

    /**
     * TIMESTAMP values are read and written in the session's time zone; Magento's are UTC, so the sample writes
     * in a UTC session.
     */
    static Saved utc(Connection connection) throws SQLException {
        Saved saved = save(connection);
        execute(connection, "SET time_zone = '+00:00'");
        return saved;
    }

    /**
     * A UTC session that also accepts the id 0 in AUTO_INCREMENT columns, which Magento's admin website, store
     * group and store have.
     */
    static Saved utcWithZeroIds(Connection connection) throws SQLException {
        Saved saved = utc(connection);
        execute(connection,
                "SET sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')");
        return saved;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Saved save(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet current = statement.executeQuery("SELECT @@SESSION.time_zone, @@SESSION.sql_mode")) {
            current.next();
            return new Saved(connection, current.getString(1), current.getString(2));
        }
    }
}

package dev.ferry.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for one test class on a shared server, named after the JVM so that builds running side by side on the
 * machine's MariaDB never meet, and dropped afterwards.
 */
final class SampleDatabases implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MariaDbServer server;
    private final List<String> created = new ArrayList<>();

    SampleDatabases(MariaDbServer server) {
        this.server = server;
    }

    String create() {
        String name = "ferry_sample_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        server.createDatabase(name);
        created.add(name);
        return name;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    @Override
    public void close() {
        created.forEach(server::dropDatabase);
        created.clear();
    }
}

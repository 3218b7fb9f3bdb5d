package dev.ferry.app.check;

import static dev.ferry.app.check.CheckRun.line;
import static dev.ferry.app.check.CheckRun.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.ExitCodes;
import dev.ferry.core.sales.SalesOrderReader;
import dev.ferry.sample.CommerceSchema;
import dev.ferry.sample.MariaDbServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry check}'s read grants against a real MariaDB, with a real user that lacks SELECT on one of the tables
 * the order poller reads.
 */
class CommerceReadGrantsIT {

    private final String database = "ferry_check_grants_" + ProcessHandle.current().pid();
    private final String user = "ferry_check_" + ProcessHandle.current().pid();
    private final String password = "grants-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private MariaDbServer mariaDb;

    @BeforeEach
    void createTheDatabaseAndAUserWithoutOneGrant() throws SQLException {
        mariaDb = MariaDbServer.machineOrEmbedded();
        mariaDb.createDatabase(database);
        CommerceSchema.create(mariaDb.dataSource(database));
        asRoot("DROP USER IF EXISTS '" + user + "'@'%'", "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        for (String table : SalesOrderReader.TABLES) {
            if (!table.equals("sales_shipment_track")) {
                asRoot("GRANT SELECT ON `" + database + "`.`" + table + "` TO '" + user + "'@'%'");
            }
        }
    }

    @AfterEach
    void dropTheUserAndTheDatabase() throws SQLException {
        asRoot("DROP USER IF EXISTS '" + user + "'@'%'");
        mariaDb.dropDatabase(database);
        mariaDb.close();
    }

    private Map<String, String> config(boolean ordersEnabled) {
        Map<String, String> values = CheckRun.validConfig("http://127.0.0.1:1");
        values.put("ferry.commerce.db.url", mariaDb.jdbcUrl(database));
        values.put("ferry.commerce.db.user", user);
        values.put("ferry.commerce.db.password", password);
        values.put("ferry.orders.enabled", String.valueOf(ordersEnabled));
        return values;
    }

    @Test
    void aMissingGrantIsOneFailLineNamingTheTableAndTheGrantThatFixesIt() throws Exception {
        CheckRun run = CheckRun.run(writeConfig(dir, config(true)), null, Map.of());

        String grant = "GRANT SELECT ON `" + database + "`.`sales_shipment_track` TO '" + user + "'@'%';";
        assertThat(run.lines()).filteredOn(l -> l.contains(CommerceReadGrants.WHAT)).as(run.toString())
                .containsExactly(line("FAIL", CommerceReadGrants.WHAT, "'" + user + "'@'%' cannot read "
                        + "sales_shipment_track; run: " + grant));
        assertThat(run.exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out).doesNotContain(password);

        asRoot(grantIn(run.out));
        CheckRun fixed = CheckRun.run(writeConfig(dir, config(true)), null, Map.of());
        assertThat(fixed.lines()).filteredOn(l -> l.contains(CommerceReadGrants.WHAT)).as(fixed.toString())
                .singleElement().asString().startsWith(line("OK", CommerceReadGrants.WHAT, "'" + user
                        + "'@'%' can read the 13 tables the order poller and ferry history read (sales_order,"));
    }

    @Test
    void withTheOrderPollerOffTheGrantsAreSkippedWithTheReason() throws Exception {
        CheckRun run = CheckRun.run(writeConfig(dir, config(false)), null, Map.of());

        assertThat(run.lines()).filteredOn(l -> l.contains(CommerceReadGrants.WHAT)).singleElement().asString()
                .startsWith(line("SKIP", CommerceReadGrants.WHAT, "ferry.orders.enabled is not true"));
    }

    /** The GRANT statement as ferry check printed it. */
    private static String grantIn(String output) {
        Matcher grant = Pattern.compile("run: (GRANT SELECT ON .*);").matcher(output);
        assertThat(grant.find()).as(output).isTrue();
        return grant.group(1);
    }

    private void asRoot(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(mariaDb.jdbcUrl(""), mariaDb.user(),
                mariaDb.password()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}

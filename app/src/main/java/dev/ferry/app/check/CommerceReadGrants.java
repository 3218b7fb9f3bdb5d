package dev.ferry.app.check;

import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.config.JdbcTarget;
import dev.ferry.core.sales.SalesOrderReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code ferry check}'s read grants: the configured Commerce database user can read every table the order poller
 * (and the history export, which reads the same through {@link SalesOrderReader}) needs. Each table is tried with
 * {@code SELECT 1 FROM <table> LIMIT 0}, which needs exactly the SELECT grant and reads no row; parsing
 * {@code SHOW GRANTS} would have to follow roles, wildcards and column grants. One line when all are readable, one
 * FAIL line per table that is not, with the GRANT that fixes it.
 */
final class CommerceReadGrants {

    static final String WHAT = "read-grants";

    /** MySQL's and MariaDB's error codes for "SELECT command denied" and "table doesn't exist". */
    private static final int ACCESS_DENIED = 1142;
    private static final int NO_SUCH_TABLE = 1146;

    private CommerceReadGrants() {
    }

    /** The lines to print; none when no Commerce database is configured (the commerce-db check says so). */
    static List<CheckResult> check(FerryConfig config) {
        String url = config.get(FerrySetting.COMMERCE_DB_URL);
        if (url == null || !url.startsWith("jdbc:")) {
            return List.of();
        }
        if (!"true".equalsIgnoreCase(config.get(FerrySetting.ORDERS_ENABLED).trim())) {
            return List.of(CheckResult.skip(Area.CONNECTION, WHAT, FerrySetting.ORDERS_ENABLED.key()
                    + " is not true: no order poller reads the sales tables (ferry history needs the same SELECT"
                    + " grants)"));
        }
        try {
            return ConnectionChecks.bounded("ferry-check-read-grants", () -> {
                try (Connection connection = ConnectionChecks.commerceConnection(config)) {
                    return tryEachTable(connection);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            return List.of(CheckResult.skip(Area.CONNECTION, WHAT, "cannot connect to "
                    + JdbcTarget.describe(url) + " (see commerce-db)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(CheckResult.fail(Area.CONNECTION, WHAT, "interrupted while checking the read grants", e));
        }
    }

    private static List<CheckResult> tryEachTable(Connection connection) throws SQLException {
        String account = account(connection);
        String database = connection.getCatalog();
        List<CheckResult> denied = new ArrayList<>();
        for (String table : SalesOrderReader.TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) ConnectionChecks.DB_TIMEOUT.toSeconds());
                statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 0").close();
            } catch (SQLException e) {
                denied.add(CheckResult.fail(Area.CONNECTION, WHAT, problem(e, account, database, table), e));
            }
        }
        if (!denied.isEmpty()) {
            return denied;
        }
        return List.of(CheckResult.ok(Area.CONNECTION, WHAT, account + " can read the "
                + SalesOrderReader.TABLES.size() + " tables the order poller and ferry history read ("
                + String.join(", ", SalesOrderReader.TABLES) + ")"));
    }

    private static String problem(SQLException e, String account, String database, String table) {
        if (e.getErrorCode() == ACCESS_DENIED) {
            return account + " cannot read " + table + "; run: GRANT SELECT ON `" + database + "`.`" + table + "` TO "
                    + account + ";";
        }
        if (e.getErrorCode() == NO_SUCH_TABLE) {
            return table + " does not exist in " + database + "; is " + FerrySetting.COMMERCE_DB_URL.key()
                    + " the Commerce database?";
        }
        return "cannot read " + table + ": " + ConnectionChecks.rootMessage(e);
    }

    /** The account the server matched the login to, as GRANT names it: {@code 'ferry'@'%'}. */
    private static String account(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT CURRENT_USER()")) {
            row.next();
            String current = row.getString(1);
            int at = current.lastIndexOf('@');
            return at < 0 ? "'" + current + "'"
                    : "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
        }
    }
}

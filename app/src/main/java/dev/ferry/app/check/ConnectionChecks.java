package dev.ferry.app.check;

import dev.ferry.aep.ims.AepImsTokens;
import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.config.JdbcTarget;
import dev.ferry.core.state.StateDatabase;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connection checks: the Commerce database answers {@code SELECT 1}, Ferry's state database opens, and IMS
 * issues a token for the configured client. Each reports where it tried (host:port, never a password).
 */
final class ConnectionChecks {

    static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IMS_TIMEOUT = Duration.ofSeconds(10);

    private ConnectionChecks() {
    }

    static CheckResult commerceDatabase(FerryConfig config) {
        String what = "commerce-db";
        String url = config.get(FerrySetting.COMMERCE_DB_URL);
        if (url == null || url.isBlank()) {
            return CheckResult.skip(Area.CONNECTION, what, FerrySetting.COMMERCE_DB_URL.key() + " is not set");
        }
        if (!url.startsWith("jdbc:")) {
            return CheckResult.skip(Area.CONNECTION, what, FerrySetting.COMMERCE_DB_URL.key() + " is not a JDBC URL");
        }
        String target = JdbcTarget.describe(url);
        try {
            String product = bounded("ferry-check-commerce-db", () -> {
                try (Connection connection = commerceConnection(config);
                     Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) DB_TIMEOUT.toSeconds());
                    try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                        rs.next();
                    }
                    DatabaseMetaData meta = connection.getMetaData();
                    return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                }
            });
            return CheckResult.ok(Area.CONNECTION, what, target + " answers SELECT 1 (" + product + ")");
        } catch (TimeoutException e) {
            return CheckResult.fail(Area.CONNECTION, what, "cannot connect to " + target + ": no answer within "
                    + DB_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            return CheckResult.fail(Area.CONNECTION, what, "cannot connect to " + target + ": "
                    + JdbcTarget.scrub(rootMessage(e.getCause()), url),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(Area.CONNECTION, what, "interrupted while connecting to " + target, e);
        }
    }

    /** A connection to the configured Commerce database as the configured user, with the driver's timeouts. */
    static Connection commerceConnection(FerryConfig config) throws SQLException {
        String url = config.get(FerrySetting.COMMERCE_DB_URL);
        Properties properties = new Properties();
        String user = config.get(FerrySetting.COMMERCE_DB_USER);
        String password = config.get(FerrySetting.COMMERCE_DB_PASSWORD);
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.putAll(timeouts(url));
        return DriverManager.getConnection(url, properties);
    }

    /**
     * Runs database work on a thread of its own and waits for it a little longer than the driver's timeouts: the
     * driver's timeout is the real one; this only bounds a driver that ignores it.
     */
    static <T> T bounded(String threadName, Callable<T> work)
            throws ExecutionException, TimeoutException, InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named(threadName));
        try {
            return executor.submit(work).get(DB_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Connect and read timeouts in the units each driver expects. */
    private static Properties timeouts(String url) {
        Properties p = new Properties();
        String driver = url.substring("jdbc:".length()).toLowerCase(Locale.ROOT);
        if (driver.startsWith("mariadb:") || driver.startsWith("mysql:")) {
            p.setProperty("connectTimeout", String.valueOf(DB_TIMEOUT.toMillis()));
            p.setProperty("socketTimeout", String.valueOf(DB_TIMEOUT.toMillis()));
        } else if (driver.startsWith("postgresql:")) {
            p.setProperty("connectTimeout", String.valueOf(DB_TIMEOUT.toSeconds()));
            p.setProperty("socketTimeout", String.valueOf(DB_TIMEOUT.toSeconds()));
        }
        return p;
    }

    static CheckResult stateDatabase(FerryConfig config) {
        String what = "state-db";
        String url = config.get(FerrySetting.STATE_DB_URL);
        if (url == null || url.isBlank() || !url.startsWith("jdbc:")) {
            return CheckResult.skip(Area.CONNECTION, what, FerrySetting.STATE_DB_URL.key() + " is not a JDBC URL");
        }
        String target = JdbcTarget.describe(url);
        try (StateDatabase ignored = StateDatabase.open(url, config.get(FerrySetting.STATE_DB_USER),
                config.get(FerrySetting.STATE_DB_PASSWORD))) {
            return CheckResult.ok(Area.CONNECTION, what, target + " opens, with Ferry's outbox, checkpoint and "
                    + "dead-letter tables");
        } catch (Exception | LinkageError e) {
            return CheckResult.fail(Area.CONNECTION, what, "cannot open " + target + ": "
                    + JdbcTarget.scrub(rootMessage(e), url), e);
        }
    }

    /**
     * @param needed whether the routes use an {@code aep:} endpoint; when they do not, a config without AEP
     *               credentials skips this check instead of failing it
     */
    static CheckResult imsToken(FerryConfig config, boolean needed) {
        String what = "ims-token";
        String imsUrl = config.get(FerrySetting.AEP_IMS_URL);
        String clientId = config.get(FerrySetting.AEP_CLIENT_ID);
        String secret = config.get(FerrySetting.AEP_CLIENT_SECRET);
        if (blank(clientId) || blank(secret)) {
            String missing = blank(clientId) ? FerrySetting.AEP_CLIENT_ID.key() : FerrySetting.AEP_CLIENT_SECRET.key();
            return CheckResult.skip(Area.CONNECTION, what, needed ? missing + " is not set"
                    : "no aep: endpoint in the routes and " + missing + " is not set");
        }
        if (ConfigCheck.httpUrlProblem(imsUrl) != null) {
            return CheckResult.skip(Area.CONNECTION, what, FerrySetting.AEP_IMS_URL.key() + " is not an http(s) URL");
        }
        String host = hostOf(imsUrl);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(IMS_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            AepImsTokens tokens = new AepImsTokens(client, imsUrl.strip(), clientId, secret,
                    config.get(FerrySetting.AEP_SCOPES), IMS_TIMEOUT, Clock.systemUTC());
            tokens.token(); // throws with IMS's status and error code when IMS refuses
            return CheckResult.ok(Area.CONNECTION, what, host + " issued an access token for client " + clientId);
        } catch (RuntimeException e) {
            return CheckResult.fail(Area.CONNECTION, what, host + ": " + CheckResult.oneLine(String.valueOf(
                    e.getMessage())), e);
        }
    }

    static String hostOf(String url) {
        URI uri = URI.create(url.strip());
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The innermost message of a failure, which names the actual problem (refused, unknown host, bad login). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root.getMessage() != null && !root.getMessage().isBlank()) {
            message = root.getMessage();
        }
        return message == null ? root.getClass().getSimpleName() : CheckResult.oneLine(message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package dev.ferry.app.demo;

import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.CommerceSchema;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo's Commerce database: an embedded MariaDB whose data stays under the demo's directory, holding a
 * Magento-shaped database seeded once with sample customers and orders; later demos find it again.
 */
public final class CommerceDemoDatabase implements AutoCloseable {

    static final String DATABASE = "magento";
    private static final long SEED = 20261101L;

    private final MariaDbServer server;
    private final String contents;

    private CommerceDemoDatabase(MariaDbServer server, String contents) {
        this.server = server;
        this.contents = contents;
    }

    public static CommerceDemoDatabase start(Path dataDir) {
        MariaDbServer server = MariaDbServer.embedded(dataDir);
        try {
            if (!exists(server)) {
                server.createDatabase(DATABASE);
                DataSource dataSource = server.dataSource(DATABASE);
                CommerceSchema.create(dataSource);
                new CommerceSampleData(SEED).seed(dataSource, SampleSize.defaults());
            }
            return new CommerceDemoDatabase(server, count(server));
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("the demo's Commerce database could not be prepared: " + e.getMessage(), e);
        }
    }

    private static boolean exists(MariaDbServer server) throws SQLException {
        try (Connection connection = server.dataSource("").getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'sales_order'")) {
            select.setString(1, DATABASE);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
    }

    private static String count(MariaDbServer server) throws SQLException {
        try (Connection connection = server.dataSource(DATABASE).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM customer_entity), (SELECT COUNT(*) FROM sales_order)")) {
            rows.next();
            return rows.getLong(1) + " customers, " + rows.getLong(2) + " orders";
        }
    }

    public String jdbcUrl() {
        return server.jdbcUrl(DATABASE);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** What the database holds, for the demo's start-up summary. */
    public String describe() {
        return contents;
    }

    @Override
    public void close() {
        server.close();
    }
}

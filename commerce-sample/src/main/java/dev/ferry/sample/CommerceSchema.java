package dev.ferry.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the Magento 2.4-shaped Commerce tables (the resource {@code dev/ferry/sample/magento-schema.sql}) in a
 * database. Creating them again changes nothing.
 */
public final class CommerceSchema {

    /** The tables, in the order they are created: a table's parents come before it. */
    public static final List<String> TABLES =
            Arrays.stream(CommerceTable.values()).map(CommerceTable::tableName).toList();

    private static final String SCRIPT = "magento-schema.sql";

    private CommerceSchema() {
    }

    public static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            create(connection);
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot create the Commerce tables", e);
        }
    }

    /** Creates the tables in the connection's current database. */
    public static void create(Connection connection) {
        try {
            for (String statement : statements()) {
                Sessions.execute(connection, statement);
            }
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot create the Commerce tables", e);
        }
    }

    /** Empties every table and restarts its ids at 1. */
    static void clear(Connection connection) throws SQLException {
        Sessions.execute(connection, "SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String table : TABLES) {
                Sessions.execute(connection, "TRUNCATE TABLE " + table);
            }
        } finally {
            Sessions.execute(connection, "SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    /** The script's statements: comment lines dropped, split where a line ends with a semicolon. */
    static List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script().split("\n")) {
            if (line.isBlank() || line.startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(statement.toString().strip().replaceAll(";$", ""));
                statement.setLength(0);
            }
        }
        return statements;
    }

    private static String script() {
        try (InputStream in = CommerceSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("The resource dev/ferry/sample/" + SCRIPT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dev/ferry/sample/" + SCRIPT, e);
        }
    }
}

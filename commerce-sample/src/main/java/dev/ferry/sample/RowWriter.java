package dev.ferry.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Writes rows two ways. For the seeder, in batches: one prepared INSERT per table and column list, executed as
 * one JDBC batch and committed on a background thread while the seeder builds the next one, so generating and
 * writing overlap. For one live business change, row by row: new rows inserted, stored rows updated in their
 * changed columns only. Parents always go first.
 */
final class RowWriter implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "commerce-sample-writer");
        thread.setDaemon(true);
        return thread;
    });
    private Map<CommerceTable, Map<List<String>, List<Row>>> queued = new EnumMap<>(CommerceTable.class);
    private int queuedRows;
    private Future<?> sending;

    RowWriter(Connection connection) {
        this.connection = connection;
    }

    /** Queues a new row; it reaches the database with the next send. */
    void add(Row row) {
        queued.computeIfAbsent(row.table(), table -> new LinkedHashMap<>())
                .computeIfAbsent(List.copyOf(row.values().keySet()), columns -> new ArrayList<>())
                .add(row);
        queuedRows++;
    }

    int queuedRows() {
        return queuedRows;
    }

    /**
     * Sends and commits the queued rows on the writer's thread and returns at once; the previous send must have
     * finished first, so at most one batch is being built while one is being written.
     */
    void sendInBackground() throws SQLException {
        awaitSending();
        Map<CommerceTable, Map<List<String>, List<Row>>> batch = queued;
        queued = new EnumMap<>(CommerceTable.class);
        queuedRows = 0;
        sending = sender.submit(() -> {
            send(batch);
            connection.commit();
            return null;
        });
    }

    /** Sends and commits everything queued, and returns when it is written. */
    void sendAndWait() throws SQLException {
        sendInBackground();
        awaitSending();
    }

    /** Waits for a send in flight, so nobody else uses the connection meanwhile, then releases the statements. */
    @Override
    public void close() throws SQLException {
        try {
            awaitSending();
        } finally {
            sender.shutdown();
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }

    /** Writes one business change now: new rows are inserted, stored rows get their changed columns updated. */
    static void write(Connection connection, List<Row> rows) throws SQLException {
        List<Row> parentsFirst = new ArrayList<>(rows);
        parentsFirst.sort(Comparator.comparing(Row::table));
        for (Row row : parentsFirst) {
            if (!row.isStored()) {
                List<String> columns = List.copyOf(row.values().keySet());
                execute(connection, insertSql(row.table(), columns), row, columns, List.of());
            } else if (!row.changedColumns().isEmpty()) {
                List<String> columns = List.copyOf(row.changedColumns());
                String sql = "UPDATE " + row.table().tableName() + " SET "
                        + columns.stream().map(column -> "`" + column + "` = ?").collect(Collectors.joining(", "))
                        + " WHERE `" + row.table().idColumn() + "` = ?";
                execute(connection, sql, row, columns, List.of(row.id()));
            }
            row.markWritten();
        }
    }

    private void send(Map<CommerceTable, Map<List<String>, List<Row>>> batch) throws SQLException {
        for (Map.Entry<CommerceTable, Map<List<String>, List<Row>>> table : batch.entrySet()) {
            for (Map.Entry<List<String>, List<Row>> shape : table.getValue().entrySet()) {
                String sql = insertSql(table.getKey(), shape.getKey());
                PreparedStatement statement = statements.get(sql);
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                    statements.put(sql, statement);
                }
                for (Row row : shape.getValue()) {
                    bind(statement, row, shape.getKey());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private void awaitSending() throws SQLException {
        if (sending == null) {
            return;
        }
        try {
            sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while writing the sample", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("Writing the sample failed", e.getCause());
        } finally {
            sending = null;
        }
    }

    private static void execute(Connection connection, String sql, Row row, List<String> columns,
            List<Object> extraParameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, row, columns);
            for (int i = 0; i < extraParameters.size(); i++) {
                statement.setObject(columns.size() + i + 1, extraParameters.get(i));
            }
            statement.executeUpdate();
        }
    }

    /** Binds with the typed setters where it can: the driver's generic setObject searches its codecs each time. */
    private static void bind(PreparedStatement statement, Row row, List<String> columns) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            int index = i + 1;
            Object value = row.get(columns.get(i));
            if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(index, decimal);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value == null) {
                statement.setNull(index, Types.NULL);
            } else {
                statement.setObject(index, value);
            }
        }
    }

    private static String insertSql(CommerceTable table, List<String> columns) {
        return "INSERT INTO " + table.tableName() + " ("
                + columns.stream().map(column -> "`" + column + "`").collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }
}

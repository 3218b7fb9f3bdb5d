package dev.ferry.core.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Plain JDBC reads of Magento rows as read-only column-name maps. Magento keeps its times in UTC in DATETIME/TIMESTAMP
 * columns without a zone, so they are read as local date-times and become UTC {@link Instant}s, whatever the JVM's
 * or the session's time zone; an {@link Instant} parameter is bound the same way.
 */
public final class SalesRows {

    private SalesRows() {
    }

    public static List<Map<String, Object>> select(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    value = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                }
                statement.setObject(i + 1, value);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        }
    }

    /**
     * The rows of a whole page of orders in one query: {@code sql} says {@code IN (:ids)} where the ids go; an empty
     * id list reads nothing.
     */
    public static List<Map<String, Object>> selectIn(Connection connection, String sql, Collection<Long> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringJoiner marks = new StringJoiner(",");
        ids.forEach(id -> marks.add("?"));
        return select(connection, sql.replace(":ids", marks.toString()), ids.toArray());
    }

    /** Groups rows by a numeric column (order_id, parent_id), keeping their order. */
    public static Map<Long, List<Map<String, Object>>> groupBy(List<Map<String, Object>> rows, String column) {
        Map<Long, List<Map<String, Object>>> groups = new HashMap<>();
        for (Map<String, Object> row : rows) {
            groups.computeIfAbsent(((Number) row.get(column)).longValue(), key -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private static List<Map<String, Object>> read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        String[] labels = new String[columns];
        boolean[] times = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            labels[c] = meta.getColumnLabel(c + 1);
            String type = meta.getColumnTypeName(c + 1).toUpperCase(Locale.ROOT);
            times[c] = type.contains("TIMESTAMP") || type.contains("DATETIME");
        }
        IndexedRow.Columns shared = new IndexedRow.Columns(labels);
        List<Map<String, Object>> out = new ArrayList<>();
        while (rows.next()) {
            Object[] values = new Object[columns];
            for (int c = 0; c < columns; c++) {
                if (times[c]) {
                    LocalDateTime time = rows.getObject(c + 1, LocalDateTime.class);
                    values[c] = time == null ? null : time.toInstant(ZoneOffset.UTC);
                } else {
                    values[c] = rows.getObject(c + 1);
                }
            }
            out.add(new IndexedRow(shared, values));
        }
        return out;
    }
}

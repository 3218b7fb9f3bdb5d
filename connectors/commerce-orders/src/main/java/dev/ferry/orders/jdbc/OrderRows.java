package dev.ferry.orders.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads of Magento rows as column-name maps; timestamps become UTC {@link java.time.Instant}s. */
public final class OrderRows {

    private OrderRows() {
    }

    public static List<Map<String, Object>> select(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof java.time.Instant instant) {
                    value = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                }
                statement.setObject(i + 1, value);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String type = meta.getColumnTypeName(c).toUpperCase(java.util.Locale.ROOT);
                        Object value;
                        if (type.contains("TIMESTAMP") || type.contains("DATETIME")) {
                            LocalDateTime time = rows.getObject(c, LocalDateTime.class);
                            value = time == null ? null : time.toInstant(ZoneOffset.UTC);
                        } else {
                            value = rows.getObject(c);
                        }
                        row.put(meta.getColumnLabel(c), value);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}

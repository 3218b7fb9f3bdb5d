package dev.ferry.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys that continue what the database already holds, for a live business change made inside one transaction
 * of a caller that writes one change at a time, as the connectors' tests do.
 */
final class DatabaseKeys implements Keys {

    private final Connection connection;
    private final Map<CommerceTable, Long> nextIds = new EnumMap<>(CommerceTable.class);
    private final Map<String, Long> nextSequences = new HashMap<>();

    DatabaseKeys(Connection connection) {
        this.connection = connection;
    }

    @Override
    public long nextId(CommerceTable table) {
        Long next = nextIds.get(table);
        if (next == null) {
            String column = table.idColumn();
            next = queryLong("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table.tableName(), null, null);
        }
        nextIds.put(table, next + 1);
        return next;
    }

    @Override
    public String nextIncrementId(CommerceTable table, int storeId) {
        String key = table + "/" + storeId;
        Long next = nextSequences.get(key);
        if (next == null) {
            String prefix = Keys.incrementPrefix(storeId);
            String last = queryString("SELECT MAX(increment_id) FROM " + table.tableName()
                    + " WHERE store_id = ? AND increment_id LIKE ?", storeId, prefix + "_".repeat(SEQUENCE_DIGITS));
            next = last == null ? 1 : Long.parseLong(last.substring(last.length() - SEQUENCE_DIGITS)) + 1;
        }
        nextSequences.put(key, next + 1);
        return Keys.incrementId(storeId, next);
    }

    private long queryLong(String sql, Object first, Object second) {
        return Long.parseLong(queryString(sql, first, second));
    }

    private String queryString(String sql, Object first, Object second) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (first != null) {
                statement.setObject(1, first);
                statement.setObject(2, second);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot read the next key: " + sql, e);
        }
    }
}

package dev.ferry.sample;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One row of a Commerce table, either new (the seeder or a business change built it) or read back from the
 * database; it remembers which columns changed, so a change to a stored row updates exactly those columns, as
 * Magento's snapshot-aware resource models do.
 */
final class Row {

    private final CommerceTable table;
    /** Sized for the widest rows the sample writes, so building them does not rehash. */
    private final Map<String, Object> values = new LinkedHashMap<>(64);
    private final Set<String> changed = new LinkedHashSet<>();
    private boolean stored;

    private Row(CommerceTable table, boolean stored) {
        this.table = table;
        this.stored = stored;
    }

    static Row create(CommerceTable table, long id) {
        return new Row(table, false).set(table.idColumn(), id);
    }

    static Row stored(CommerceTable table, Map<String, Object> values) {
        Row row = new Row(table, true);
        row.values.putAll(values);
        return row;
    }

    Row set(String column, Object value) {
        values.put(column, value);
        if (stored) {
            changed.add(column);
        }
        return this;
    }

    CommerceTable table() {
        return table;
    }

    long id() {
        return longValue(table.idColumn());
    }

    Object get(String column) {
        return values.get(column);
    }

    String string(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }

    /** The column as a number, null when the column is NULL. */
    Long longOrNull(String column) {
        Object value = values.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    long longValue(String column) {
        Long value = longOrNull(column);
        if (value == null) {
            throw new IllegalStateException(table.tableName() + "." + column + " is NULL");
        }
        return value;
    }

    /** The column as an amount, zero when NULL, as Magento's totals treat a never-written total. */
    BigDecimal amount(String column) {
        Object value = values.get(column);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    Row increase(String column, BigDecimal amount) {
        return set(column, amount(column).add(amount));
    }

    boolean isStored() {
        return stored;
    }

    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The columns set since the row was read or written; a new row is inserted whole instead. */
    Set<String> changedColumns() {
        return Collections.unmodifiableSet(changed);
    }

    void markWritten() {
        stored = true;
        changed.clear();
    }
}

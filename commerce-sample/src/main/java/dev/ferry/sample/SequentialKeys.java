package dev.ferry.sample;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Keys counted in memory from 1, for a seeder that owns the tables it fills. */
final class SequentialKeys implements Keys {

    private final Map<CommerceTable, Long> lastIds = new EnumMap<>(CommerceTable.class);
    private final Map<String, Long> lastSequences = new HashMap<>();

    @Override
    public long nextId(CommerceTable table) {
        return lastIds.merge(table, 1L, Long::sum);
    }

    @Override
    public String nextIncrementId(CommerceTable table, int storeId) {
        return Keys.incrementId(storeId, lastSequences.merge(table + "/" + storeId, 1L, Long::sum));
    }
}

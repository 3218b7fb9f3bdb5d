package dev.ferry.core.sales;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A row read from the Commerce database as a read-only map from column label to value: its values in an array, its
 * labels and their places shared by every row of the result. The history export reads rows by the million, and a
 * hash map of its own per row was a sixth of everything the export allocated.
 */
final class IndexedRow extends AbstractMap<String, Object> {

    /**
     * One result's column labels, each once in the order first met, and the column each stands for: the last of
     * that label, as putting every column into a map in turn would leave it. The labels are interned, so the
     * mapper's constant names find them by reference: comparing the characters in a hash look-up was a tenth of a
     * history export's samples.
     */
    static final class Columns {
        private final String[] labels;
        private final int[] columns;
        private final Map<String, Integer> places = new HashMap<>();
        /**
         * The labels by identity hash, open addressing, at most a quarter full so that a probe soon meets an empty
         * slot: a label is found in a step or two where a scan of the labels took half their number.
         */
        private final String[] slotLabels;
        private final int[] slotColumns;

        Columns(String[] labelPerColumn) {
            Map<String, Integer> lastColumn = new LinkedHashMap<>();
            for (int c = 0; c < labelPerColumn.length; c++) {
                lastColumn.put(labelPerColumn[c].intern(), c);
            }
            labels = lastColumn.keySet().toArray(String[]::new);
            columns = lastColumn.values().stream().mapToInt(Integer::intValue).toArray();
            places.putAll(lastColumn);
            int slots = Integer.highestOneBit(Math.max(1, labels.length)) << 3;
            slotLabels = new String[slots];
            slotColumns = new int[slots];
            for (int i = 0; i < labels.length; i++) {
                int slot = System.identityHashCode(labels[i]) & (slots - 1);
                while (slotLabels[slot] != null) {
                    slot = (slot + 1) & (slots - 1);
                }
                slotLabels[slot] = labels[i];
                slotColumns[slot] = columns[i];
            }
        }

        /** The column of a label given as the interned constant, or -1 when it must be looked up by its text. */
        int columnByIdentity(Object label) {
            int mask = slotLabels.length - 1;
            for (int slot = System.identityHashCode(label) & mask; slotLabels[slot] != null; slot = (slot + 1) & mask) {
                if (slotLabels[slot] == label) {
                    return slotColumns[slot];
                }
            }
            return -1;
        }
    }

    private final Columns columns;
    private final Object[] values;

    /** @param values one per column of the result, in column order; kept, not copied */
    IndexedRow(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(Object label) {
        int byIdentity = columns.columnByIdentity(label);
        if (byIdentity >= 0) {
            return values[byIdentity];
        }
        Integer column = columns.places.get(label);
        return column == null ? null : values[column];
    }

    @Override
    public boolean containsKey(Object label) {
        return columns.places.containsKey(label);
    }

    @Override
    public int size() {
        return columns.labels.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < columns.labels.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.labels[i], values[columns.columns[i]]);
                    }
                };
            }

            @Override
            public int size() {
                return columns.labels.length;
            }
        };
    }
}

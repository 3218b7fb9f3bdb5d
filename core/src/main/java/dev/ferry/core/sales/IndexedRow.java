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

        Columns(String[] labelPerColumn) {
            Map<String, Integer> lastColumn = new LinkedHashMap<>();
            for (int c = 0; c < labelPerColumn.length; c++) {
                lastColumn.put(labelPerColumn[c].intern(), c);
            }
            labels = lastColumn.keySet().toArray(String[]::new);
            columns = lastColumn.values().stream().mapToInt(Integer::intValue).toArray();
            places.putAll(lastColumn);
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
        String[] labels = columns.labels;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return values[columns.columns[i]];
            }
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

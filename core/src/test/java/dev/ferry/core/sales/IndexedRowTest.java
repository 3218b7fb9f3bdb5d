package dev.ferry.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexedRowTest {

    private final IndexedRow.Columns columns = new IndexedRow.Columns(new String[] {"entity_id", "sku", "qty"});

    @Test
    void readsLikeTheMapOfItsColumnsNullsIncluded() {
        IndexedRow row = new IndexedRow(columns, new Object[] {7L, null, 2});
        Map<String, Object> asMap = new LinkedHashMap<>();
        asMap.put("entity_id", 7L);
        asMap.put("sku", null);
        asMap.put("qty", 2);

        assertThat(row).isEqualTo(asMap).hasSameHashCodeAs(asMap).containsExactlyEntriesOf(asMap);
        assertThat(row.get("sku")).isNull();
        assertThat(row.containsKey("sku")).isTrue();
        assertThat(row.get("missing")).isNull();
        assertThat(row.get(new String("qty".toCharArray()))).as("a label that is not the constant").isEqualTo(2);
        assertThat(row.getOrDefault("missing", "none")).isEqualTo("none");
        assertThat(row.getOrDefault("sku", "none")).isNull();
    }

    @Test
    void aLabelTwiceHoldsItsLastColumnAtItsFirstPlaceAsPuttingEachColumnInTurnWould() {
        IndexedRow row = new IndexedRow(new IndexedRow.Columns(new String[] {"id", "name", "id"}),
                new Object[] {1, "a", 2});

        assertThat(row).hasSize(2).containsExactly(Map.entry("id", 2), Map.entry("name", "a"));
    }

    @Test
    void cannotBeChanged() {
        IndexedRow row = new IndexedRow(columns, new Object[] {7L, "SKU-1", 2});

        assertThatThrownBy(() -> row.put("sku", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.entrySet().iterator().next().setValue("other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

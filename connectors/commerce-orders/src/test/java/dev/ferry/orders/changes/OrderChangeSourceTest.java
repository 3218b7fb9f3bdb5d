package dev.ferry.orders.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.sales.SalesOrderReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrderChangeSourceTest {

    @Test
    void theChangeQueriesReadOnlyTablesTheReadGrantsCover() {
        Pattern table = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");
        for (OrderChangeSource source : OrderChangeSource.values()) {
            Matcher tables = table.matcher(source.sqlAfter());
            assertThat(tables.find()).as(source.sqlAfter()).isTrue();
            do {
                assertThat(SalesOrderReader.TABLES).as(source.name()).contains(tables.group(1));
            } while (tables.find());
        }
    }
}

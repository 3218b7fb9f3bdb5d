package dev.ferry.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SalesOrderReaderTest {

    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");

    @Test
    void theTableListNamesExactlyTheTablesTheReadersQueriesRead() throws Exception {
        Set<String> read = new TreeSet<>();
        for (Field field : SalesOrderReader.class.getDeclaredFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                Matcher tables = TABLE.matcher((String) field.get(null));
                while (tables.find()) {
                    read.add(tables.group(1));
                }
            }
        }

        assertThat(read).hasSize(13).containsExactlyInAnyOrderElementsOf(SalesOrderReader.TABLES);
    }
}

package dev.ferry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommerceSchemaTest {

    @Test
    void scriptCreatesEveryTableOnceInParentFirstOrder() {
        List<String> statements = CommerceSchema.statements();

        assertThat(statements).allMatch(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS "));
        assertThat(statements).extracting(statement -> statement.split(" ")[5]).containsExactlyElementsOf(CommerceSchema.TABLES);
    }

    @Test
    void keepsMagentosOnUpdateTimestampsAndKeys() {
        String salesOrder = CommerceSchema.statements().stream()
                .filter(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS sales_order ("))
                .findFirst()
                .orElseThrow();

        assertThat(salesOrder)
                .contains("updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()")
                .contains("UNIQUE KEY SALES_ORDER_INCREMENT_ID_STORE_ID (increment_id, store_id)")
                .contains("CONSTRAINT SALES_ORDER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID FOREIGN KEY (customer_id)");
    }
}

package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTargetTest {

    @Test
    void namesHostAndPortOfAServer() {
        assertThat(JdbcTarget.describe("jdbc:mariadb://db.internal:3307/magento?useSsl=true")).isEqualTo("db.internal:3307");
        assertThat(JdbcTarget.describe("jdbc:postgresql://pg/ferry")).isEqualTo("pg:5432");
        assertThat(JdbcTarget.describe("jdbc:mysql://db/magento")).isEqualTo("db:3306");
    }

    @Test
    void neverShowsCredentialsWrittenIntoTheUrl() {
        assertThat(JdbcTarget.describe("jdbc:mariadb://magento:hunter2@db:3306/magento?password=hunter2"))
                .isEqualTo("db:3306");
    }

    @Test
    void namesTheFileOrNameOfAnEmbeddedDatabase() {
        assertThat(JdbcTarget.describe("jdbc:h2:file:./data/ferry-state;WRITE_DELAY=0")).isEqualTo("H2 file ./data/ferry-state");
        assertThat(JdbcTarget.describe("jdbc:h2:mem:test")).isEqualTo("H2 in-memory test");
    }

    @Test
    void namesHostAndPortOfAnH2Server() {
        assertThat(JdbcTarget.describe("jdbc:h2:tcp://db.internal/~/ferry;PASSWORD=hunter2")).isEqualTo("db.internal:9092");
        assertThat(JdbcTarget.describe("jdbc:h2:ssl://db.internal:9093/ferry")).isEqualTo("db.internal:9093");
    }
}

package dev.ferry.core.config;

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

    @Test
    void scrubbingAMessageDescribesEachJdbcUrlInIt() {
        String url = "jdbc:postgresql://ferry:hunter2@pg:5432/ferry";
        assertThat(JdbcTarget.scrub("Driver org.postgresql.Driver claims to not accept jdbcUrl, " + url, url))
                .isEqualTo("Driver org.postgresql.Driver claims to not accept jdbcUrl, pg:5432");
    }

    @Test
    void scrubbingAMessageMasksEveryPasswordOfTheUrlWhereverTheMessageQuotesIt() {
        String url = "jdbc:mariadb://ferry:s3cret@db:3306/ferry?user=ferry&password=hunter2;trustStorePassword=tr0st";
        assertThat(JdbcTarget.scrub("wrong port 's3cret@db', near 'hunter2' and tr0st", url))
                .isEqualTo("wrong port '****@db', near '****' and ****");
        assertThat(JdbcTarget.scrub("H2 says PASSWORD=hunter2 is wrong", "jdbc:h2:tcp://db/ferry;PASSWORD=hunter2"))
                .isEqualTo("H2 says PASSWORD=**** is wrong");
    }
}

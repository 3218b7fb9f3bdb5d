package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void masksTheValueOfEverySecretKey() {
        Redactor redactor = Redactor.of(Map.of("ferry.aep.client-secret", "p8e-secret", "ferry.commerce.db.password",
                "db-pass", "ferry.aep.client-id", "visible-id"));

        assertThat(redactor.redact("IMS said p8e-secret and db-pass for visible-id"))
                .isEqualTo("IMS said **** and **** for visible-id");
    }

    @Test
    void masksPasswordsWrittenIntoUrls() {
        Redactor redactor = Redactor.none();

        assertThat(redactor.redact("jdbc:mariadb://user:hunter2@db:3306/x?password=hunter2&ssl=true"))
                .isEqualTo("jdbc:mariadb://user:****@db:3306/x?password=****&ssl=true");
    }
}

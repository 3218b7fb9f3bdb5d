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

    @Test
    void masksThePasswordOfUserInfoWithoutASchemeInFront() {
        Redactor redactor = Redactor.none();

        assertThat(redactor.redact("java.net.UnknownHostException: ferry:hunter2@127.0.0.1"))
                .isEqualTo("java.net.UnknownHostException: ferry:****@127.0.0.1");
    }

    @Test
    void masksAPasswordWrittenIntoAConfiguredUrlWhereverAMessageQuotesIt() {
        Redactor redactor = Redactor.of(Map.of("ferry.state.db.url", "jdbc:mariadb://ferry:hunter2@127.0.0.1:1/ferry",
                "ferry.commerce.db.url", "jdbc:mysql://db/magento?password=s3cret&ssl=true"));

        assertThat(redactor.redact("Incorrect port value : hunter2@127.0.0.1; login failed with 's3cret'"))
                .isEqualTo("Incorrect port value : ****@127.0.0.1; login failed with '****'");
    }
}

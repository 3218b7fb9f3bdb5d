package dev.ferry.app.log;

import dev.ferry.app.check.Redactor;
import dev.ferry.core.config.FerryConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines formatted by the console appender of the log4j2.properties that ships in ferry.jar. */
class ConsoleLogRedactionTest {

    private static final String CONFIGURED_PASSWORD = "Tr0ub4dor-3";
    private static final String URL_PASSWORD = "hunter2";
    private static final String CLIENT_SECRET = "p8e-client-secret-42";

    private static StringLayout console;

    @BeforeAll
    static void loadTheShippedLogConfiguration() throws IOException {
        ConfigurationSource shipped = ConfigurationSource.fromResource("log4j2.properties",
                ConsoleLogRedactionTest.class.getClassLoader());
        Configuration configuration = ConfigurationFactory.getInstance()
                .getConfiguration(new LoggerContext("console-log-redaction"), shipped);
        configuration.initialize();
        console = (StringLayout) configuration.getAppender("console").getLayout();
    }

    @AfterEach
    void forgetTheLoadedConfig() {
        LogRedaction.use(Redactor.none());
    }

    @Test
    void aConfiguredPasswordAndAJdbcUrlPasswordAreMaskedInTheMessageAndInEveryCausedByOfTheStackTrace() {
        LogRedaction.use(Redactor.of(FerryConfig.of(Map.of(
                "ferry.commerce.db.url", "jdbc:mariadb://db:3306/magento?user=ferry&password=" + URL_PASSWORD,
                "ferry.state.db.password", CONFIGURED_PASSWORD,
                "ferry.aep.client-secret", CLIENT_SECRET), Map.of())));
        Exception failure = new IllegalStateException(
                "Polling jdbc:mariadb://db:3306/magento?user=ferry&password=" + URL_PASSWORD + " failed",
                new SQLException("Access denied for user 'ferry' (using password " + CONFIGURED_PASSWORD + ")",
                        new IOException("IMS refused client secret " + CLIENT_SECRET + " and " + URL_PASSWORD)));

        String logged = consoleLine("route orders-poller failed; state db password was " + CONFIGURED_PASSWORD, failure);

        assertThat(logged)
                .contains("state db password was ****")
                .contains("java.lang.IllegalStateException: Polling jdbc:mariadb://db:3306/magento?user=ferry&password=**** failed")
                .contains("Caused by: java.sql.SQLException: Access denied for user 'ferry' (using password ****)")
                .contains("Caused by: java.io.IOException: IMS refused client secret **** and ****")
                .contains("at dev.ferry.app.log.ConsoleLogRedactionTest")
                .doesNotContain(URL_PASSWORD, CONFIGURED_PASSWORD, CLIENT_SECRET);
        assertThat(logged.split("Caused by: java.sql.SQLException", -1)).as("the stack trace is written once").hasSize(2);
    }

    @Test
    void beforeAConfigIsLoadedPasswordsWrittenIntoUrlsAreStillMasked() {
        String logged = consoleLine("connecting to jdbc:mariadb://ferry:" + URL_PASSWORD + "@db:3306/magento",
                new SQLException("jdbc:mariadb://db:3306/magento?password=" + URL_PASSWORD + " is unreachable"));

        assertThat(logged)
                .contains("connecting to jdbc:mariadb://ferry:****@db:3306/magento")
                .contains("java.sql.SQLException: jdbc:mariadb://db:3306/magento?password=**** is unreachable")
                .doesNotContain(URL_PASSWORD);
    }

    @Test
    void anOrdinaryLineIsLoggedUnchanged() {
        LogRedaction.use(Redactor.of(FerryConfig.of(Map.of("ferry.aep.client-secret", CLIENT_SECRET), Map.of())));

        String logged = consoleLine("Polled 12 orders from sales_order in 35 ms", null);

        assertThat(logged).matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ERROR \\[main] OrdersPoller - "
                + "Polled 12 orders from sales_order in 35 ms" + System.lineSeparator());
    }

    private static String consoleLine(String message, Throwable thrown) {
        return console.toSerializable(Log4jLogEvent.newBuilder()
                .setLoggerName("dev.ferry.orders.OrdersPoller")
                .setLevel(Level.ERROR)
                .setThreadName("main")
                .setMessage(new SimpleMessage(message))
                .setThrown(thrown)
                .build());
    }
}

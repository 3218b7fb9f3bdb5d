package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class OneLineErrorsTest {

    @Test
    void aFailedExchangeIsReportedByWhatFailedInsideIt() {
        Exception refused = new IllegalStateException("Failed to initialize pool: Socket fail to connect to "
                + "127.0.0.1:3307. Connection refused", new SQLNonTransientConnectionException(
                "Socket fail to connect to 127.0.0.1:3307. Connection refused", new ConnectException("refused")));

        String message = OneLineErrors.message(new CamelExecutionException(
                "Exception occurred during execution on the exchange: Exchange[]", null, refused));

        assertThat(message).isEqualTo("Failed to initialize pool: Socket fail to connect to 127.0.0.1:3307. "
                + "Connection refused");
    }

    @Test
    void anExceptionWithoutAMessageIsReportedByTheFirstCauseThatHasOne() {
        Exception wrapped = new RuntimeException(null, new IllegalArgumentException("--from is after --to\nmore"));

        assertThat(OneLineErrors.message(wrapped)).isEqualTo("--from is after --to");
    }
}

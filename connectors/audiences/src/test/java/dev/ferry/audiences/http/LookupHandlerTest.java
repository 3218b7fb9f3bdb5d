package dev.ferry.audiences.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.security.BearerToken;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class LookupHandlerTest {

    @Test
    void aQueryThatIsNotPercentEncodingIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> LookupHandler.query("fpid=%zz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the query string is not valid percent-encoding");
    }

    @Test
    void aBadEscapeAfterAHashIsAnswered400() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setHeader("Authorization", "Bearer lookup-token");
            // the HTTP engine decodes the query only up to the '#', so this reaches the handler
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, "customerId=#frag&email=%00&fpid=%zz&&ecid=a");

            new LookupHandler(new BearerToken("lookup-token"), null).process(exchange);

            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
            assertThat(exchange.getMessage().getBody(String.class)).contains("not valid percent-encoding");
        }
    }
}

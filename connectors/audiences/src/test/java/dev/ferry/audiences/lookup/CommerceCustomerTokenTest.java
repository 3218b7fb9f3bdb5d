package dev.ferry.audiences.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CommerceCustomerTokenTest {

    private static String jwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void aCustomerJwtNamesItsCustomer() {
        assertThat(CommerceCustomerToken.customerId(jwt("{\"uid\":42,\"utypid\":3}"))).hasValue(42);
    }

    @Test
    void anAdminOrIntegrationJwtNamesNoCustomer() {
        assertThat(CommerceCustomerToken.customerId(jwt("{\"uid\":1,\"utypid\":2}"))).isEmpty();
    }

    @Test
    void anOpaqueOrBrokenTokenNamesNoCustomer() {
        assertThat(CommerceCustomerToken.customerId("k0pi9u3mnbdhk7tqy3b0c1wnn7v4n4a1")).isEmpty();
        assertThat(CommerceCustomerToken.customerId("a.!!!.c")).isEmpty();
        assertThat(CommerceCustomerToken.customerId(jwt("{\"uid\":\"1 OR 1\"}"))).isEmpty();
        assertThat(CommerceCustomerToken.customerId(null)).isEmpty();
    }
}

package dev.ferry.audiences.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import java.io.IOException;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The customer id inside a Commerce customer bearer token. Since 2.4.4 Commerce issues JWTs whose payload holds
 * {@code uid} (the customer id) and {@code utypid} (3 for a customer). The signature is not verified here: the token
 * only chooses whose audiences the proxied request carries, and Commerce itself verifies it on that very request,
 * refusing it if forged. Opaque tokens of older versions identify nobody.
 */
public final class CommerceCustomerToken {

    private static final int CUSTOMER_USER_TYPE = 3;
    private static final int MAX_TOKEN_CHARS = 8192;

    private CommerceCustomerToken() {
    }

    public static OptionalLong customerId(String bearerToken) {
        if (bearerToken == null || bearerToken.length() > MAX_TOKEN_CHARS) {
            return OptionalLong.empty();
        }
        String[] parts = bearerToken.split("\\.");
        if (parts.length != 3) {
            return OptionalLong.empty();
        }
        try {
            JsonNode claims = Xdm.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode type = claims.get("utypid");
            if (type != null && type.asInt(-1) != CUSTOMER_USER_TYPE) {
                return OptionalLong.empty();
            }
            JsonNode uid = claims.get("uid");
            if (uid == null || !(uid.isIntegralNumber() || uid.isTextual() && uid.asText().matches("[0-9]{1,10}"))) {
                return OptionalLong.empty();
            }
            long id = uid.asLong();
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (IllegalArgumentException | IOException e) {
            return OptionalLong.empty();
        }
    }
}

package dev.ferry.storefront.mapping;

import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.ACCOUNT;
import static dev.ferry.storefront.AcdlSamples.SHOPPER;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

class AccountMappingTest {

    private static XdmEvent account(String name) {
        return map(name, eventInfo("storefrontInstanceContext", STOREFRONT, "accountContext", ACCOUNT,
                "shopperContext", SHOPPER));
    }

    @Test
    void signInCountsALoginWithTheAccountIdAndEmail() {
        XdmEvent event = account("sign-in");

        assertThat(event.eventType()).isEqualTo("userAccount.login");
        assertThat(event.get("userAccount").toString()).isEqualTo("{\"login\":1}");
        assertThat(event.get("person.accountID").asText()).isEqualTo("1");
        assertThat(event.get("personalEmail.address").asText()).isEqualTo("Roni_Cost@Example.com");
        assertThat(event.get("commerce.commerceScope.websiteCode").asText()).isEqualTo("base");
    }

    @Test
    void signOutCountsALogoutWithoutAccountFields() {
        XdmEvent event = account("sign-out");

        assertThat(event.eventType()).isEqualTo("userAccount.logout");
        assertThat(event.get("userAccount").toString()).isEqualTo("{\"logout\":1}");
        assertThat(event.get("person").isMissingNode()).isTrue();
        assertThat(event.get("personalEmail").isMissingNode()).isTrue();
    }

    @Test
    void createAccountCountsACreatedProfile() {
        XdmEvent event = account("create-account");

        assertThat(event.eventType()).isEqualTo("userAccount.createProfile");
        assertThat(event.get("userAccount").toString()).isEqualTo("{\"createProfile\":1}");
        assertThat(event.get("person.accountID").asText()).isEqualTo("1");
    }

    @Test
    void editAccountCountsAnUpdatedProfile() {
        XdmEvent event = account("edit-account");

        assertThat(event.eventType()).isEqualTo("userAccount.updateProfile");
        assertThat(event.get("userAccount").toString()).isEqualTo("{\"updateProfile\":1}");
        assertThat(event.get("personalEmail.address").asText()).isEqualTo("Roni_Cost@Example.com");
    }

    @Test
    void aCustomUserAccountIsReplacedByTheOneCounterAsInTheCollector() {
        XdmEvent event = map("sign-in", eventInfo("storefrontInstanceContext", STOREFRONT, "accountContext", ACCOUNT,
                "customContext", "{\"userAccount\": {\"loginType\": \"sso\"}, \"person\": {\"accountID\": \"C-9\"}}"));

        assertThat(event.get("userAccount").toString()).isEqualTo("{\"login\":1}");
        assertThat(event.get("person.accountID").asText()).isEqualTo("C-9");
    }
}

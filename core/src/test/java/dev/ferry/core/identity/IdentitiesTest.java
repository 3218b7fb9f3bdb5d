package dev.ferry.core.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentitiesTest {

    @Test
    void emailHashIsSha256HexOfTheTrimmedLowerCasedAddress() {
        // echo -n "jane.doe@example.com" | sha256sum
        assertThat(Identities.emailSha256("  Jane.Doe@Example.COM "))
                .isEqualTo("86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d");
    }

    @Test
    void newFpidIsAUuidVersion4() {
        String fpid = Identities.newFpid();

        assertThat(Identities.isFpid(fpid)).isTrue();
        assertThat(Identities.isFpid("not-a-uuid")).isFalse();
        assertThat(Identities.isFpid("6ba7b810-9dad-11d1-80b4-00c04fd430c8")).as("v1 UUID").isFalse();
    }
}

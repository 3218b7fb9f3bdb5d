package dev.ferry.audiences.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

    @Test
    void theHeaderValueIsTheUrlEncodedCommaList() {
        Membership membership = new Membership(List.of(new AudienceRef("a b", null), new AudienceRef("c/d", "x")));

        assertThat(membership.headerValue()).isEqualTo("a+b%2Cc%2Fd");
    }

    @Test
    void noAudiencesIsAnEmptyValue() {
        assertThat(Membership.none().headerValue()).isEmpty();
    }
}

package dev.ferry.storefront.identity;

import dev.ferry.core.identity.Identities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FpidCookieTest {

    private static final String FPID = "0c2f7a8e-3d4b-4f6a-9b1c-5e7d9f0a1b2c";

    @Test
    void theCookiesFpidIsUsedAndNotSetAgain() {
        ShopperIdentity shopper = FpidCookie.resolve(RequestCookies.parse("a=1; ferry_fpid=" + FPID + "; b=2"), null);

        assertThat(shopper).isEqualTo(new ShopperIdentity(FPID, false));
    }

    @Test
    void theHeaderCarriesTheFpidWhereNoCookieArrivesAndTheCookieIsThenSet() {
        ShopperIdentity shopper = FpidCookie.resolve(RequestCookies.parse(null), FPID.toUpperCase());

        assertThat(shopper).isEqualTo(new ShopperIdentity(FPID, true));
    }

    @Test
    void aShopperWithoutAValidFpidGetsANewUuidV4() {
        ShopperIdentity none = FpidCookie.resolve(RequestCookies.parse("ferry_fpid=not-a-uuid"), "12345");

        assertThat(Identities.isFpid(none.fpid())).isTrue();
        assertThat(none.setCookie()).isTrue();
        assertThat(FpidCookie.resolve(RequestCookies.parse(""), null).fpid()).isNotEqualTo(none.fpid());
    }

    @Test
    void theCookieLastsAYearForTheWholeSiteIsLaxAndSecureOnlyOverTls() {
        assertThat(FpidCookie.setCookie(FPID, false, null))
                .isEqualTo("ferry_fpid=" + FPID + "; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly");
        assertThat(FpidCookie.setCookie(FPID, true, "shop.example.com")).isEqualTo("ferry_fpid=" + FPID
                + "; Max-Age=31536000; Path=/; Domain=shop.example.com; SameSite=Lax; HttpOnly; Secure");
    }

    @Test
    void theMgDntCookieOptsTheShopperOutWhateverItsValue() {
        assertThat(Consent.optedOut(RequestCookies.parse("mg_dnt=track"))).isTrue();
        assertThat(Consent.optedOut(RequestCookies.parse("x=1; mg_dnt"))).isTrue();
        assertThat(Consent.optedOut(RequestCookies.parse("mg_dnt_other=1; ferry_fpid=" + FPID))).isFalse();
        assertThat(Consent.optedOut(RequestCookies.parse(null))).isFalse();
    }
}

package dev.ferry.storefront.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StorefrontCorsTest {

    private static StorefrontRequest request(String method, String origin) {
        return new StorefrontRequest(method, "/v1/storefront/events", "application/json", -1, null, null, null, origin,
                "collect.example.com", true, Instant.now());
    }

    @Test
    void requestsWithoutAnOriginAndFromTheCollectorsOwnOriginAreAlwaysAllowed() {
        StorefrontCors cors = StorefrontCors.of(null);

        assertThat(cors.allows(request("POST", null))).isTrue();
        assertThat(cors.allows(request("POST", "https://collect.example.com"))).isTrue();
        assertThat(cors.allows(request("POST", "https://evil.example.net"))).isFalse();
    }

    @Test
    void onlyListedOriginsMayPostFromAnotherSite() {
        StorefrontCors cors = StorefrontCors.of(" https://shop.example.com/ , https://b2b.example.com");

        assertThat(cors.allows(request("POST", "https://shop.example.com"))).isTrue();
        assertThat(cors.allows(request("POST", "https://B2B.example.com"))).isTrue();
        assertThat(cors.allows(request("POST", "http://shop.example.com"))).as("another scheme is another origin")
                .isFalse();
        assertThat(StorefrontCors.of("*").allows(request("POST", "https://any.example.org"))).isTrue();
    }

    @Test
    void anAllowedPreflightNamesTheMethodsAndHeadersAndCredentialsAreAllowedForTheOrigin() {
        StorefrontCors cors = StorefrontCors.of("https://shop.example.com");
        StorefrontRequest preflight = request("OPTIONS", "https://shop.example.com");

        StorefrontAnswer answer = cors.preflight(preflight, "POST, OPTIONS");
        cors.decorate(preflight, answer);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
        assertThat(answer.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, X-Ferry-Fpid");
        assertThat(answer.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void aPreflightFromAnUnlistedOriginIsRefusedWithoutCorsHeaders() {
        StorefrontCors cors = StorefrontCors.of("https://shop.example.com");
        StorefrontRequest preflight = request("OPTIONS", "https://evil.example.net");

        StorefrontAnswer answer = cors.preflight(preflight, "POST, OPTIONS");
        cors.decorate(preflight, answer);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}

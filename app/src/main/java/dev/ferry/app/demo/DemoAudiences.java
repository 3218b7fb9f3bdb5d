package dev.ferry.app.demo;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;

import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's audience loop: tokens made for this run, the sandbox's HTTP destination pointed at Ferry's
 * {@code /v1/audiences/aep-destination}, the GraphQL proxy pointed at the demo's Commerce stand-in, and a shopper
 * id to try it with. A purchase of 100 or more puts the shopper in the sandbox's "VIP shoppers" audience; the
 * sandbox pushes that to Ferry, and the shopper's next GraphQL call through Ferry carries the audience.
 */
public final class DemoAudiences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String destinationToken;
    private final String lookupToken;
    private final String shopperFpid;

    private DemoAudiences(String destinationToken, String lookupToken, String shopperFpid) {
        this.destinationToken = destinationToken;
        this.lookupToken = lookupToken;
        this.shopperFpid = shopperFpid;
    }

    /** New tokens and a new shopper for each demo run, so no demo secret is ever fixed in the jar. */
    public static DemoAudiences generate() {
        return new DemoAudiences(token(), token(), UUID.randomUUID().toString());
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where the sandbox pushes membership changes: Ferry's destination endpoint on this run's business port. */
    public URI destinationUrl(FerryConfig config) {
        return URI.create(businessUrl(config) + "/v1/audiences/aep-destination");
    }

    public String destinationToken() {
        return destinationToken;
    }

    /** The settings that turn the audience endpoints on for the demo. */
    public Map<String, String> settings(DemoCommerceGraphql graphql) {
        return Map.of(
                FerrySetting.AUDIENCES_ENABLED.key(), "true",
                FerrySetting.AUDIENCES_DESTINATION_TOKEN.key(), destinationToken,
                FerrySetting.AUDIENCES_LOOKUP_TOKEN.key(), lookupToken,
                FerrySetting.COMMERCE_GRAPHQL_URL.key(), graphql.url());
    }

    /** How to see the loop, for the demo's start-up summary; the lookup token is this run's only. */
    public void describe(PrintStream out, FerryConfig config) {
        String business = businessUrl(config);
        String cookie = "-b ferry_fpid=" + shopperFpid;
        out.println("  Audiences:          a purchase of 100 or more puts the shopper in the sandbox's \"VIP shoppers\","
                + " which the sandbox pushes to " + business + "/v1/audiences/aep-destination. Try it as shopper "
                + shopperFpid + ":");
        out.println("    curl " + cookie + " -H 'Content-Type: application/json' " + business + "/v1/storefront/events "
                + "-d '[{\"event\":\"place-order\",\"eventInfo\":{\"storefrontInstanceContext\":"
                + "{\"storeViewCurrencyCode\":\"USD\"},\"orderContext\":{\"orderId\":\"demo-vip-1\",\"grandTotal\":120}}}]'");
        out.println("    curl " + cookie + " -H 'Content-Type: application/json' " + business + "/graphql "
                + "-d '{\"query\":\"{ customerCart { id } }\"}'");
        out.println("      (the demo's Commerce GraphQL stand-in answers with the aep-segments-membership header Ferry added)");
        out.println("    curl -H 'Authorization: Bearer " + lookupToken + "' '" + business
                + "/v1/audiences/membership?fpid=" + shopperFpid + "'");
    }

    private static String businessUrl(FerryConfig config) {
        String scheme = config.get(FerrySetting.HTTP_TLS_KEYSTORE).isBlank() ? "http" : "https";
        return scheme + "://127.0.0.1:" + config.get(FerrySetting.HTTP_PORT);
    }
}

package dev.ferry.sample;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a checkout leaves behind besides the cart: the shopper's IP address, Magento's protect code, and for a
 * card payment what the gateway answered.
 */
record CheckoutTraces(String remoteIp, String protectCode, Card card) {

    /** A card as a Braintree-like gateway reports it, never its number. */
    record Card(String typeCode, String typeName, String last4, int expMonth, int expYear, String transactionId,
            String authorizationCode) {
    }

    private static final List<String[]> CARD_TYPES = List.of(
            new String[] {"VI", "Visa", "1111"},
            new String[] {"MC", "MasterCard", "4444"},
            new String[] {"AE", "American Express", "8431"});

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Traces drawn from the random source; the IP addresses come from the ranges reserved for documentation. */
    static CheckoutTraces draw(SplittableRandom random, int orderYear) {
        String[] networks = {"192.0.2.", "198.51.100.", "203.0.113."};
        String remoteIp = networks[random.nextInt(networks.length)] + (1 + random.nextInt(254));
        String protectCode = text(random, "0123456789abcdef", 32);
        String[] type = CARD_TYPES.get(random.nextInt(CARD_TYPES.size()));
        Card card = new Card(type[0], type[1], type[2], 1 + random.nextInt(12), orderYear + 1 + random.nextInt(5),
                text(random, ALPHANUMERIC, 8), text(random, ALPHANUMERIC, 6).toUpperCase(Locale.ROOT));
        return new CheckoutTraces(remoteIp, protectCode, card);
    }

    private static String text(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}

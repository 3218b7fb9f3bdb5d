package dev.ferry.sample;

import java.math.BigDecimal;
import java.util.Map;

/** Tax percentages by destination: a few US state rates, French and German VAT, nothing elsewhere. */
final class TaxRates {

    private static final Map<String, BigDecimal> US_STATES = Map.of(
            "California", new BigDecimal("8.25"),
            "New York", new BigDecimal("8.875"),
            "Texas", new BigDecimal("6.25"),
            "Illinois", new BigDecimal("6.25"),
            "Washington", new BigDecimal("6.5"),
            "Florida", new BigDecimal("6"));

    private TaxRates() {
    }

    static BigDecimal percentFor(PostalAddress destination) {
        return switch (destination.countryId()) {
            case "US" -> US_STATES.getOrDefault(destination.region(), BigDecimal.ZERO);
            case "FR" -> new BigDecimal("20");
            case "DE" -> new BigDecimal("19");
            default -> BigDecimal.ZERO;
        };
    }
}

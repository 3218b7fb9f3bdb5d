package dev.ferry.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amount arithmetic as Magento stores it: rounded half up to the cent. */
final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED));
    }

    /** The share of a row amount that {@code qty} of {@code ordered} units carry. */
    static BigDecimal share(BigDecimal rowAmount, BigDecimal qty, BigDecimal ordered) {
        return cents(rowAmount.multiply(qty).divide(ordered, 8, RoundingMode.HALF_UP));
    }

    /** An amount as Magento's order comments show it, "$107.38" or "€12.00". */
    static String display(String currency, BigDecimal amount) {
        String symbol = switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            default -> currency + " ";
        };
        return symbol + cents(amount).toPlainString();
    }
}

package dev.ferry.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A cart price rule with a coupon code, taking a percentage off every item. */
record Coupon(String code, int ruleId, String ruleName, BigDecimal percent) {

    static final List<Coupon> SAMPLE = List.of(
            new Coupon("WELCOME10", 1, "Welcome 10% off", new BigDecimal("10")),
            new Coupon("SPRING15", 2, "Spring sale 15% off", new BigDecimal("15")),
            new Coupon("VIP20", 3, "VIP 20% off", new BigDecimal("20")));

    static Optional<Coupon> byCode(String code) {
        return SAMPLE.stream().filter(coupon -> coupon.code().equalsIgnoreCase(code)).findFirst();
    }
}

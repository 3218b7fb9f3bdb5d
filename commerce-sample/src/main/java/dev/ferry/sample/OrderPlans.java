package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides what happens to a seeded order after it is placed, and when. Card orders are captured within seconds
 * and mostly shipped; check orders wait for an admin to invoice or cancel them. Whatever would happen after the
 * end of the window does not happen, so recent orders stay pending or processing as they would in a live store.
 */
final class OrderPlans {

    enum Action { INVOICE, SHIP, REFUND_ALL, REFUND_ONE, CANCEL }

    record Step(Action action, LocalDateTime at) {
    }

    private enum Outcome { PENDING, PROCESSING, COMPLETE, PARTLY_REFUNDED, CLOSED, CANCELED }

    private static final long HOUR = 3_600;
    private static final long DAY = 24 * HOUR;

    private OrderPlans() {
    }

    static List<Step> plan(SplittableRandom random, PaymentMethod payment, BigDecimal unitsOrdered,
            LocalDateTime placedAt, LocalDateTime windowEnd) {
        Outcome outcome = payment == PaymentMethod.CARD ? cardOutcome(random) : checkOutcome(random);
        if (outcome == Outcome.PARTLY_REFUNDED && unitsOrdered.compareTo(BigDecimal.ONE) <= 0) {
            outcome = Outcome.COMPLETE;
        }
        List<Step> steps = new ArrayList<>();
        if (outcome == Outcome.CANCELED) {
            steps.add(new Step(Action.CANCEL, later(random, placedAt, HOUR, 5 * DAY)));
        } else if (outcome != Outcome.PENDING) {
            LocalDateTime invoicedAt = payment == PaymentMethod.CARD ? later(random, placedAt, 1, 3)
                    : later(random, placedAt, HOUR, 3 * DAY);
            steps.add(new Step(Action.INVOICE, invoicedAt));
            if (outcome != Outcome.PROCESSING) {
                LocalDateTime shippedAt = later(random, invoicedAt, 2 * HOUR, 4 * DAY);
                steps.add(new Step(Action.SHIP, shippedAt));
                if (outcome != Outcome.COMPLETE) {
                    Action refund = outcome == Outcome.CLOSED ? Action.REFUND_ALL : Action.REFUND_ONE;
                    steps.add(new Step(refund, later(random, shippedAt, DAY, 14 * DAY)));
                }
            }
        }
        return steps.stream().takeWhile(step -> step.at().isBefore(windowEnd)).toList();
    }

    private static Outcome cardOutcome(SplittableRandom random) {
        int draw = random.nextInt(100);
        return draw < 15 ? Outcome.PROCESSING : draw < 80 ? Outcome.COMPLETE : draw < 90 ? Outcome.CLOSED
                : Outcome.PARTLY_REFUNDED;
    }

    private static Outcome checkOutcome(SplittableRandom random) {
        int draw = random.nextInt(100);
        return draw < 25 ? Outcome.PENDING : draw < 50 ? Outcome.CANCELED : draw < 60 ? Outcome.PROCESSING
                : draw < 90 ? Outcome.COMPLETE : draw < 95 ? Outcome.CLOSED : Outcome.PARTLY_REFUNDED;
    }

    private static LocalDateTime later(SplittableRandom random, LocalDateTime from, long minSeconds, long maxSeconds) {
        return from.plusSeconds(minSeconds + random.nextLong(maxSeconds - minSeconds + 1));
    }
}

package dev.ferry.core.sales;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.DeadLetters;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.EventIds;
import dev.ferry.core.xdm.Xdm;

/**
 * Records an order change that cannot become an event in the dead letters, so it is skipped without being lost
 * from sight: the letter names the sales_order, the change and the reason, in channel
 * {@code <source>.unmappable}, which {@code ferry dlq list} shows and replay leaves alone. A change read again (the
 * poller's overlap window, a retried poll, a resumed export) is recorded once.
 */
public final class UnmappableOrders {

    private UnmappableOrders() {
    }

    /** @return the reason as written, for the caller's log line */
    public static String record(StateDatabase state, String source, long orderId, Object incrementId, String change,
                                String reason) {
        String increment = String.valueOf(incrementId);
        String why = "order " + increment + " (sales_order " + orderId + ") " + change + " cannot be mapped: " + reason;
        var letter = Xdm.JSON.createObjectNode();
        letter.putObject("sales_order").put("entity_id", orderId).put("increment_id", increment);
        letter.put("change", change);
        letter.put("reason", why);
        state.deadLetters().addOnce(source + DeadLetters.UNMAPPABLE_SUFFIX, new OutboundEvent(
                // the entity_id too: orders without an increment_id are the usual unmappable ones, one letter each
                EventIds.deterministic("commerce-order", increment, change, "unmappable", String.valueOf(orderId)),
                increment, letter.toString()), why);
        return why;
    }
}

package dev.ferry.history.export;

import dev.ferry.core.sales.SalesOrder;

/**
 * One order made ready for a file: its events as JSON Lines, or, when it cannot be mapped, why (the lines are then
 * null and the order goes to dead letters).
 */
record MappedOrder(SalesOrder order, byte[] lines, int events, String failure) {

    static MappedOrder unmappable(SalesOrder order, String failure) {
        return new MappedOrder(order, null, 0, failure);
    }
}

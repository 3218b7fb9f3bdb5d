package dev.ferry.sandbox.profiles;

import java.time.Instant;

/**
 * What audience rules read of one received event: its type, when it happened and its order total.
 *
 * @param priceTotal {@code commerce.order.priceTotal}, or null when the event has none
 */
public record ProfileEvent(String eventType, Instant timestamp, Double priceTotal) {
}

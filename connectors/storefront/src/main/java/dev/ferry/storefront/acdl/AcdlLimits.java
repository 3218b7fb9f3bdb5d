package dev.ferry.storefront.acdl;

/** How much one request may carry: body bytes, bytes of one event, events, and JSON nesting depth. */
public record AcdlLimits(int maxBatchBytes, int maxEventBytes, int maxEvents, int maxDepth) {

    public AcdlLimits {
        if (maxBatchBytes < 1 || maxEventBytes < 1 || maxEvents < 1 || maxDepth < 3) {
            throw new IllegalArgumentException("limits must be positive (and maxDepth at least 3): " + this);
        }
    }
}

package dev.ferry.sandbox;

/**
 * Faults the sandbox injects into its data endpoints (Edge, streaming, batch ingestion, Catalog, Segmentation), so
 * that demos and tests can show how a client copes with an unreliable AEP. IMS and the {@code /sandbox} admin API
 * are never affected.
 *
 * @param failFirst         the first N data requests after these settings take effect answer {@code failStatus}
 * @param failStatus        the status of those failures, 503 by default
 * @param rateLimitEvery    every Kth data request answers 429 Too Many Requests; 0 never
 * @param retryAfterSeconds the {@code Retry-After} sent with 429 and 503 answers; 0 sends none
 * @param latencyMs         added to every data request before it is answered
 * @param down              every data request answers 503, as during an AEP outage
 */
public record FaultSettings(
        int failFirst, int failStatus, int rateLimitEvery, int retryAfterSeconds, long latencyMs, boolean down) {

    public static final int DEFAULT_FAIL_STATUS = 503;

    public FaultSettings {
        requireNotNegative("failFirst", failFirst);
        if (failStatus < 400 || failStatus > 599) {
            throw new IllegalArgumentException("failStatus must be an HTTP error status (400-599), was " + failStatus);
        }
        requireNotNegative("rateLimitEvery", rateLimitEvery);
        requireNotNegative("retryAfterSeconds", retryAfterSeconds);
        requireNotNegative("latencyMs", latencyMs);
    }

    /** No faults: AEP behaving perfectly. */
    public static FaultSettings none() {
        return new FaultSettings(0, DEFAULT_FAIL_STATUS, 0, 0, 0, false);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    /** Builds {@link FaultSettings}, starting from {@link #none()}. */
    public static final class Builder {
        private int failFirst;
        private int failStatus = DEFAULT_FAIL_STATUS;
        private int rateLimitEvery;
        private int retryAfterSeconds;
        private long latencyMs;
        private boolean down;

        private Builder() {
        }

        public Builder failFirst(int failFirst) {
            this.failFirst = failFirst;
            return this;
        }

        public Builder failStatus(int failStatus) {
            this.failStatus = failStatus;
            return this;
        }

        public Builder rateLimitEvery(int rateLimitEvery) {
            this.rateLimitEvery = rateLimitEvery;
            return this;
        }

        public Builder retryAfterSeconds(int retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        public Builder latencyMs(long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder down(boolean down) {
            this.down = down;
            return this;
        }

        public FaultSettings build() {
            return new FaultSettings(failFirst, failStatus, rateLimitEvery, retryAfterSeconds, latencyMs, down);
        }
    }
}

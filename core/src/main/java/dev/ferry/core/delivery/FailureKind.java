package dev.ferry.core.delivery;

/** How a failed delivery is treated: whether to retry, when, and whether the event can ever succeed. */
public enum FailureKind {
    /** A transient fault (connection refused, 5xx, timeout): retry with backoff. */
    RETRYABLE,
    /** AEP asked us to slow down (429, 503 with Retry-After): retry after the delay it gave. */
    RATE_LIMITED,
    /** Credentials were refused even after a fresh token: retry later, an operator must act. */
    AUTH,
    /** AEP rejected the event itself (400): it will never succeed, so it goes to dead letters. */
    INVALID
}

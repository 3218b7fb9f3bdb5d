package dev.ferry.sandbox.faults;

/**
 * What the fault injector decided for one data request.
 *
 * @param failStatus        the status to answer instead of serving the request, or 0 to serve it
 * @param retryAfterSeconds the {@code Retry-After} to send with the failure, or 0 for none
 * @param latencyMs         how long to wait before answering
 */
public record FaultDecision(int failStatus, int retryAfterSeconds, long latencyMs) {

    public boolean fails() {
        return failStatus != 0;
    }
}

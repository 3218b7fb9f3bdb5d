package dev.ferry.aep.http;

/**
 * How Ferry reads an AEP status code; the one place the classification table in the connector's docs comes from.
 */
public final class AepStatus {

    private AepStatus() {
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** AEP asks the caller to slow down: wait (at least its Retry-After) and send the same request again. */
    public static boolean isThrottled(int status) {
        return status == 429 || status == 503;
    }

    /** A fault on AEP's side or on the way there that the same request may not meet again. */
    public static boolean isTransient(int status) {
        return status == 408 || (status >= 500 && !isThrottled(status));
    }

    /** The credentials, not the events, are at fault. */
    public static boolean refusesCredentials(int status) {
        return status == 401 || status == 403;
    }

    /** AEP refused the payload itself: it will never accept these bytes, though a smaller subset may pass. */
    public static boolean rejectsPayload(int status) {
        return status == 400 || status == 413 || status == 422;
    }
}

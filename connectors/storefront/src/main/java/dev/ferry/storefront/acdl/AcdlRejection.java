package dev.ferry.storefront.acdl;

/**
 * A request refused as a whole, before any of its events is stored: the HTTP status (400, 413, 415) and the
 * one-line reason the collector answers.
 */
public class AcdlRejection extends RuntimeException {

    private final int status;

    public AcdlRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

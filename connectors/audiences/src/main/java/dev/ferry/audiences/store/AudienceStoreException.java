package dev.ferry.audiences.store;

/** A statement on Ferry's audience tables failed; the cause says why. */
public class AudienceStoreException extends RuntimeException {

    public AudienceStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

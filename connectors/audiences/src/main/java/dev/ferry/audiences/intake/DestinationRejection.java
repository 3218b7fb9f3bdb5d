package dev.ferry.audiences.intake;

/** A destination push refused as a whole: the HTTP status (400, 413) and a one-line reason. */
public class DestinationRejection extends RuntimeException {

    private final int status;

    public DestinationRejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

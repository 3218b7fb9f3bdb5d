package dev.ferry.core.delivery;

/**
 * The stepwise form of a batch sink such as {@code aep:batch}, for a caller that checkpoints between the steps of
 * one batch (the history export records each uploaded file). The header {@link #STEP} picks the step; every step
 * answers a {@link DeliveryReport}, whose deferral says the step did not happen or its outcome is unknown.
 *
 * <ul>
 *   <li>{@link #UPLOAD}: the body is one JSON Lines file; it is uploaded into the batch {@link #BATCH_ID} names, or
 *       into a new batch when that header is absent; the answer's {@link #BATCH_ID} is the batch. Uploading a file
 *       of the same name again replaces it while the batch is loading.</li>
 *   <li>{@link #COMPLETE}: completes the batch {@link #BATCH_ID} (again is safe) and waits for its final status,
 *       answered in {@link #BATCH_STATUS}; the body, the batch's files in upload order, lets a failure name its
 *       rows.</li>
 *   <li>{@link #STATUS}: the batch's status in {@link #BATCH_STATUS}, or {@link #GONE} when the batch is
 *       unknown.</li>
 * </ul>
 */
public final class BatchSteps {

    /** Header: which step; absent, the sink does a whole batch in one exchange. */
    public static final String STEP = "FerryBatchStep";
    /** Header: the batch a step acts on, and the batch a step answers for. */
    public static final String BATCH_ID = "FerryAepBatchId";
    /** Header: the batch's status after the step (AEP Catalog's words: loading, processing, success, failed...). */
    public static final String BATCH_STATUS = "FerryAepBatchStatus";

    public static final String UPLOAD = "upload";
    public static final String COMPLETE = "complete";
    public static final String STATUS = "status";

    /** The status of a batch the sink does not know (AEP answers 404 for it). */
    public static final String GONE = "gone";

    private BatchSteps() {
    }
}

package dev.ferry.aep;

import dev.ferry.core.delivery.BatchSteps;
import org.apache.camel.spi.Metadata;

/** Headers the aep producers set next to the {@code DeliveryReport} they leave as the body. */
public final class AepHeaders {

    @Metadata(description = "How many events AEP accepted.", javaType = "int")
    public static final String DELIVERED = "FerryAepDelivered";

    @Metadata(description = "How many events AEP rejected as invalid; the DeliveryReport holds AEP's reason for each.",
            javaType = "int")
    public static final String REJECTED = "FerryAepRejected";

    @Metadata(description = "Set when some events were left unsettled: the FailureKind (RETRYABLE, RATE_LIMITED, AUTH) "
            + "of the deferral in the DeliveryReport.", javaType = "String")
    public static final String DEFERRAL = "FerryAepDeferral";

    @Metadata(description = "aep:batch: one step of a batch instead of a whole batch: upload (the body is one JSON "
            + "Lines file, uploaded into the batch FerryAepBatchId names, or a new one), complete (complete the batch "
            + "FerryAepBatchId, again is safe, and wait for its final status; the body, its files, names failed rows) "
            + "or status (look the batch up in Catalog; gone when Catalog does not know it).", javaType = "String")
    public static final String BATCH_STEP = BatchSteps.STEP;

    @Metadata(description = "aep:batch: the id AEP gave the batch; with FerryBatchStep, also the batch the step acts "
            + "on.", javaType = "String")
    public static final String BATCH_ID = BatchSteps.BATCH_ID;

    @Metadata(description = "aep:batch: the batch's last status in Catalog: success, failed, or the status it had when "
            + "polling stopped (gone for a batch Catalog does not know).", javaType = "String")
    public static final String BATCH_STATUS = BatchSteps.BATCH_STATUS;

    @Metadata(description = "aep:batch: the error codes AEP gave a failed batch.", javaType = "java.util.List<String>")
    public static final String BATCH_ERROR_CODES = "FerryAepBatchErrorCodes";

    private AepHeaders() {
    }
}

package dev.ferry.aep;

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

    @Metadata(description = "aep:batch: the id AEP gave the batch.", javaType = "String")
    public static final String BATCH_ID = "FerryAepBatchId";

    @Metadata(description = "aep:batch: the batch's last status in Catalog: success, failed, or the status it had when "
            + "polling stopped.", javaType = "String")
    public static final String BATCH_STATUS = "FerryAepBatchStatus";

    @Metadata(description = "aep:batch: the error codes AEP gave a failed batch.", javaType = "java.util.List<String>")
    public static final String BATCH_ERROR_CODES = "FerryAepBatchErrorCodes";

    private AepHeaders() {
    }
}

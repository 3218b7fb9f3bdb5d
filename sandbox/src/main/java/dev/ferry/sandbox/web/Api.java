package dev.ferry.sandbox.web;

/** Every AEP operation the sandbox serves, named as {@code /sandbox/stats} reports it. */
public enum Api {
    IMS_TOKEN("ims.token", ApiFamily.IMS),
    EDGE_COLLECT("edge.collect", ApiFamily.EDGE),
    EDGE_INTERACT("edge.interact", ApiFamily.EDGE),
    STREAMING_MESSAGE("streaming.message", ApiFamily.STREAMING),
    STREAMING_BATCH("streaming.batch", ApiFamily.STREAMING),
    BATCH_CREATE("batch.create", ApiFamily.PLATFORM),
    BATCH_FILE_UPLOAD("batch.fileUpload", ApiFamily.PLATFORM),
    BATCH_ACTION("batch.action", ApiFamily.PLATFORM),
    CATALOG_BATCH("catalog.batch", ApiFamily.PLATFORM),
    AUDIENCES("segmentation.audiences", ApiFamily.PLATFORM);

    private final String statName;
    private final ApiFamily family;

    Api(String statName, ApiFamily family) {
        this.statName = statName;
        this.family = family;
    }

    public String statName() {
        return statName;
    }

    public ApiFamily family() {
        return family;
    }
}

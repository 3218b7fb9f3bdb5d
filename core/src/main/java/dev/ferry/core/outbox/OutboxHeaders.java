package dev.ferry.core.outbox;

import org.apache.camel.spi.Metadata;

/** Headers the outbox reads and writes. */
public final class OutboxHeaders {

    @Metadata(description = "Map of checkpoint name to value, committed in the same transaction as the events.",
            javaType = "java.util.Map<String, String>")
    public static final String CHECKPOINTS = "FerryCheckpoints";

    @Metadata(description = "How many events the producer added (events already waiting are not added twice).",
            javaType = "int")
    public static final String APPENDED = "FerryOutboxAppended";

    @Metadata(description = "The channel a consumed batch came from.", javaType = "String")
    public static final String CHANNEL = "FerryOutboxChannel";

    private OutboxHeaders() {
    }
}

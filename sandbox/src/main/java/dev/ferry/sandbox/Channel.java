package dev.ferry.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The AEP ingestion path an event arrived through. */
public enum Channel {
    /** Edge Network Server API, {@code /ee/v2/collect} and {@code /ee/v2/interact}. */
    EDGE,
    /** Streaming ingestion (Data Collection Core Service), {@code /collection/...}. */
    STREAMING,
    /** Batch ingestion API, JSON Lines files in a completed batch. */
    BATCH;

    /** The lower-case name used in the sandbox's JSON and query parameters: {@code edge}, {@code streaming}, {@code batch}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equalsIgnoreCase(name)).findFirst();
    }
}

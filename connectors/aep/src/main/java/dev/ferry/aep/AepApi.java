package dev.ferry.aep;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The AEP apis the component talks to, named as in the URI: the ingestion paths {@code aep:edge},
 * {@code aep:streaming} and {@code aep:batch}, the audience catalog {@code aep:audiences} (a consumer) and the
 * Edge membership lookup {@code aep:activation}.
 */
public enum AepApi {
    /** Edge Network Server API, {@code /ee/v2/collect}: 64 KB per request. */
    EDGE(64 * 1024),
    /** Streaming ingestion (DCS), {@code /collection/batch/{connectionId}}: 1 MB per request. */
    STREAMING(1024 * 1024),
    /** Batch ingestion API with Catalog status polling; its limit is per file, not per request. */
    BATCH(0),
    /** Segmentation API, {@code GET /data/core/ups/audiences}: read page by page, sends no events. */
    AUDIENCES(0),
    /** Edge Network Server API, {@code /ee/v2/interact}: one identity per request, sends no events. */
    ACTIVATION(0);

    private final int requestLimit;

    AepApi(int requestLimit) {
        this.requestLimit = requestLimit;
    }

    /** The most bytes AEP accepts in one request of this api; 0 when it sends files or no events at all. */
    public int requestLimit() {
        return requestLimit;
    }

    /** Whether this api carries a body of XDM events to AEP, as opposed to reading from AEP. */
    public boolean deliversEvents() {
        return this != AUDIENCES && this != ACTIVATION;
    }

    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The api named in a URI; an unknown name fails with the list of valid ones, since it is a typo in a route. */
    public static AepApi of(String name) {
        return Arrays.stream(values())
                .filter(api -> api.uriName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown AEP api '" + name + "' in aep:" + name
                        + "; use one of " + Arrays.stream(values()).map(api -> "aep:" + api.uriName())
                        .collect(Collectors.joining(", "))));
    }
}

package dev.ferry.aep;

import dev.ferry.aep.activation.AepActivationProducer;
import dev.ferry.aep.audiences.AepAudiencesConsumer;
import dev.ferry.aep.batch.AepBatchProducer;
import dev.ferry.aep.edge.AepEdgeProducer;
import dev.ferry.aep.http.AepHttpClient;
import dev.ferry.aep.streaming.AepStreamingProducer;
import dev.ferry.core.config.ConfigException;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.net.URI;

/**
 * One AEP api. The AEP resource ids default to the component's, so most routes say just {@code aep:streaming};
 * a route that feeds a second dataset or datastream overrides them in its URI. {@code aep:audiences} is the one
 * consumer; every other api is a producer.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aep", title = "Adobe Experience Platform", syntax = "aep:api",
        category = {Category.CLOUD, Category.API}, headersClass = AepHeaders.class)
public class AepEndpoint extends DefaultEndpoint {

    /** The Segmentation API's largest page. */
    static final int MAX_PAGE_SIZE = 800;

    @UriPath(enums = "edge,streaming,batch,audiences,activation",
            description = "The AEP api. Sending events: edge (Edge Network, 64 KB requests), streaming (DCS, 1 MB "
                    + "requests) or batch (batch ingestion of JSON Lines files). Reading audiences: audiences (consumer: "
                    + "the Segmentation API's audience catalog, a List<Audience> per poll) or activation (producer: "
                    + "a ShopperIdentity's realized audience ids from Edge interact's activation:pull handle).")
    @Metadata(required = true)
    private final String api;

    @UriParam(label = "edge", description = "Edge datastream id for aep:edge and aep:activation; defaults to the "
            + "component's datastreamId.")
    private String datastreamId;

    @UriParam(label = "streaming", description = "Streaming connection id; defaults to the component's "
            + "streamingConnectionId.")
    private String streamingConnectionId;

    @UriParam(description = "Dataset for aep:streaming and aep:batch; defaults to the component's datasetId.")
    private String datasetId;

    @UriParam(label = "streaming", description = "Schema $id for aep:streaming; defaults to the component's schemaId.")
    private String schemaId;

    @UriParam(label = "advanced", defaultValue = "0", description = "Most bytes in one Edge or streaming request; 0 "
            + "means AEP's limit (65536 for edge, 1048576 for streaming). Only a lower value is accepted, e.g. to "
            + "exercise request splitting in tests.")
    private int maxRequestBytes;

    @UriParam(label = "batch", defaultValue = "268435456", description = "Most bytes in one uploaded JSON Lines file; "
            + "more rows go to further files of the same batch. AEP's small-file upload takes up to 256 MB.")
    private long maxFileBytes = 256L * 1024 * 1024;

    @UriParam(label = "batch", defaultValue = "600000",
            description = "Milliseconds to wait for AEP's answer to one file upload.")
    private long uploadTimeout = 600_000;

    @UriParam(label = "batch", defaultValue = "5000",
            description = "Milliseconds between two looks at the batch's status in Catalog.")
    private long batchPollInterval = 5_000;

    @UriParam(label = "batch", defaultValue = "1800000", description = "Milliseconds to wait for a completed batch "
            + "to reach success or failed; after that its events are deferred and sent again in a new batch.")
    private long batchTimeout = 1_800_000;

    @UriParam(label = "audiences", defaultValue = "300000", description = "aep:audiences: milliseconds between the "
            + "end of one read of the whole audience catalog and the start of the next.")
    private long delay = 300_000;

    @UriParam(label = "audiences", defaultValue = "100", description = "aep:audiences: audiences asked for per "
            + "Segmentation API page (its limit parameter), 1 to 800.")
    private int pageSize = 100;

    AepEndpoint(String uri, AepComponent component, AepApi api) {
        super(uri, component);
        this.api = api.uriName();
    }

    @Override
    public AepComponent getComponent() {
        return (AepComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return switch (api()) {
            case EDGE -> new AepEdgeProducer(this);
            case STREAMING -> new AepStreamingProducer(this);
            case BATCH -> new AepBatchProducer(this);
            case ACTIVATION -> new AepActivationProducer(this);
            case AUDIENCES -> throw new UnsupportedOperationException(
                    "aep:audiences reads AEP's audience catalog; use it in from(), not to()");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (api() != AepApi.AUDIENCES) {
            throw new UnsupportedOperationException("aep:" + api + " only sends to AEP; use it in to(), not from()");
        }
        AepAudiencesConsumer consumer = new AepAudiencesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public AepApi api() {
        return AepApi.of(api);
    }

    /** The shared client that signs every call with the IMS token and retries as AEP asks. */
    public AepHttpClient http() {
        return getComponent().http();
    }

    /**
     * Fails with one line naming the first missing or wrong option, so a route does not start only to fail on its
     * first event.
     */
    public void validate() {
        AepComponent component = getComponent();
        requireUrl("imsUrl", component.getImsUrl());
        requireComponent("clientId", component.getClientId());
        requireComponent("clientSecret", component.getClientSecret());
        requireComponent("orgId", component.getOrgId());
        switch (api()) {
            case EDGE, ACTIVATION -> {
                requireUrl("edgeUrl", component.getEdgeUrl());
                require("datastreamId", effectiveDatastreamId());
            }
            case STREAMING -> {
                requireUrl("streamingUrl", component.getStreamingUrl());
                require("streamingConnectionId", effectiveStreamingConnectionId());
                require("datasetId", effectiveDatasetId());
                require("schemaId", effectiveSchemaId());
            }
            case BATCH -> {
                requireUrl("platformUrl", component.getPlatformUrl());
                requireComponent("sandboxName", component.getSandboxName());
                require("datasetId", effectiveDatasetId());
            }
            case AUDIENCES -> {
                requireUrl("platformUrl", component.getPlatformUrl());
                requireComponent("sandboxName", component.getSandboxName());
                atLeast("delay", delay, 1);
                atLeast("pageSize", pageSize, 1);
                atMost("pageSize", pageSize, MAX_PAGE_SIZE);
            }
        }
        atLeast("maxAttempts", component.getMaxAttempts(), 1);
        atLeast("requestTimeout", component.getRequestTimeout(), 1);
        atLeast("initialBackoff", component.getInitialBackoff(), 1);
        atLeast("maxBackoff", component.getMaxBackoff(), component.getInitialBackoff());
        atLeast("maxFileBytes", maxFileBytes, 1);
        atLeast("uploadTimeout", uploadTimeout, 1);
        atLeast("batchPollInterval", batchPollInterval, 1);
        atLeast("batchTimeout", batchTimeout, 1);
        int limit = api().requestLimit();
        if (!api().deliversEvents() && maxRequestBytes != 0) {
            throw new ConfigException("aep:" + api + " sends no events: maxRequestBytes does not apply");
        }
        if (limit == 0 && maxRequestBytes != 0) {
            throw new ConfigException("aep:" + api + " sends files, not requests: use maxFileBytes, not maxRequestBytes");
        }
        if (maxRequestBytes < 0 || maxRequestBytes > limit) {
            throw new ConfigException("aep:" + api + " option maxRequestBytes must be between 1 and " + limit
                    + " (or 0 for AEP's limit), not " + maxRequestBytes);
        }
    }

    private void require(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("aep:" + api + " needs the option " + option
                    + " (set it on the aep component or in the endpoint URI)");
        }
    }

    private void requireComponent(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("aep:" + api + " needs the aep component option " + option);
        }
    }

    private void requireUrl(String option, String value) {
        requireComponent(option, value);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigException("aep component option " + option + " is not an http(s) URL: '" + value + "'");
        }
    }

    private void atMost(String option, long value, long maximum) {
        if (value > maximum) {
            throw new ConfigException("aep option " + option + " must be at most " + maximum + ", not " + value);
        }
    }

    private void atLeast(String option, long value, long minimum) {
        if (value < minimum) {
            throw new ConfigException("aep option " + option + " must be at least " + minimum + ", not " + value);
        }
    }

    public String effectiveDatastreamId() {
        return datastreamId != null ? datastreamId : getComponent().getDatastreamId();
    }

    public String effectiveStreamingConnectionId() {
        return streamingConnectionId != null ? streamingConnectionId : getComponent().getStreamingConnectionId();
    }

    public String effectiveDatasetId() {
        return datasetId != null ? datasetId : getComponent().getDatasetId();
    }

    public String effectiveSchemaId() {
        return schemaId != null ? schemaId : getComponent().getSchemaId();
    }

    /** The request size the producer packs to: the option when set, else AEP's limit for the api. */
    public int effectiveMaxRequestBytes() {
        return maxRequestBytes > 0 ? maxRequestBytes : api().requestLimit();
    }

    public String getApi() {
        return api;
    }

    public String getDatastreamId() {
        return datastreamId;
    }

    public void setDatastreamId(String datastreamId) {
        this.datastreamId = datastreamId;
    }

    public String getStreamingConnectionId() {
        return streamingConnectionId;
    }

    public void setStreamingConnectionId(String streamingConnectionId) {
        this.streamingConnectionId = streamingConnectionId;
    }

    public String getDatasetId() {
        return datasetId;
    }

    public void setDatasetId(String datasetId) {
        this.datasetId = datasetId;
    }

    public String getSchemaId() {
        return schemaId;
    }

    public void setSchemaId(String schemaId) {
        this.schemaId = schemaId;
    }

    public int getMaxRequestBytes() {
        return maxRequestBytes;
    }

    public void setMaxRequestBytes(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public long getMaxFileBytes() {
        return maxFileBytes;
    }

    public void setMaxFileBytes(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public long getUploadTimeout() {
        return uploadTimeout;
    }

    public void setUploadTimeout(long uploadTimeout) {
        this.uploadTimeout = uploadTimeout;
    }

    public long getBatchPollInterval() {
        return batchPollInterval;
    }

    public void setBatchPollInterval(long batchPollInterval) {
        this.batchPollInterval = batchPollInterval;
    }

    public long getDelay() {
        return delay;
    }

    public void setDelay(long delay) {
        this.delay = delay;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public long getBatchTimeout() {
        return batchTimeout;
    }

    public void setBatchTimeout(long batchTimeout) {
        this.batchTimeout = batchTimeout;
    }
}

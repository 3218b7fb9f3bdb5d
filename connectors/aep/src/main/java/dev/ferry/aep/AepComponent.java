package dev.ferry.aep;

import dev.ferry.aep.http.AepHttpClient;
import dev.ferry.aep.http.AepRetryPolicy;
import dev.ferry.aep.ims.AepImsTokens;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code aep:}: sends XDM events to Adobe Experience Platform through Edge, streaming (DCS) or batch ingestion, and
 * reads audiences back (the Segmentation API's catalog, Edge's {@code activation:pull} membership). The
 * credentials, URLs and retry settings live here, once per Camel context; endpoints only pick the api and may
 * override the AEP resource ids.
 */
@Component("aep")
public class AepComponent extends DefaultComponent {

    static final String DEFAULT_SCOPES = "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";

    @Metadata(label = "security", defaultValue = "https://ims-na1.adobelogin.com",
            description = "Adobe IMS base URL; tokens come from {imsUrl}/ims/token/v3.")
    private String imsUrl = "https://ims-na1.adobelogin.com";

    @Metadata(label = "security",
            description = "OAuth server-to-server client id of the Adobe Developer Console project; also sent as x-api-key.")
    private String clientId;

    @Metadata(label = "security", secret = true, description = "OAuth server-to-server client secret.")
    private String clientSecret;

    @Metadata(label = "security", defaultValue = DEFAULT_SCOPES,
            description = "Comma-separated OAuth scopes requested with the token.")
    private String scopes = DEFAULT_SCOPES;

    @Metadata(description = "IMS organization id (...@AdobeOrg), sent as x-gw-ims-org-id and in streaming message headers.")
    private String orgId;

    @Metadata(defaultValue = "prod", description = "AEP sandbox name, sent as x-sandbox-name on Platform APIs.")
    private String sandboxName = "prod";

    @Metadata(defaultValue = "https://platform.adobe.io",
            description = "Base URL of the Platform APIs (batch ingestion, Catalog).")
    private String platformUrl = "https://platform.adobe.io";

    @Metadata(defaultValue = "https://dcs.adobedc.net", description = "Base URL of streaming ingestion (DCS).")
    private String streamingUrl = "https://dcs.adobedc.net";

    @Metadata(defaultValue = "https://server.adobedc.net",
            description = "Base URL of the Edge Network Server API (authenticated).")
    private String edgeUrl = "https://server.adobedc.net";

    @Metadata(description = "Streaming (HTTP API) connection id used by aep:streaming; requests go to "
            + "{streamingUrl}/collection/batch/{streamingConnectionId}.")
    private String streamingConnectionId;

    @Metadata(description = "Dataset that receives the events (aep:streaming and aep:batch).")
    private String datasetId;

    @Metadata(description = "$id of the dataset's XDM schema, sent as schemaRef.id on streaming messages.")
    private String schemaId;

    @Metadata(description = "Edge datastream id used by aep:edge.")
    private String datastreamId;

    @Metadata(label = "advanced", defaultValue = "5", description = "Most attempts of one request, the first included, "
            + "while AEP answers 429, 5xx or nothing; then the events left are deferred to the caller (the outbox).")
    private int maxAttempts = 5;

    @Metadata(label = "advanced", defaultValue = "500", description = "Milliseconds before the first retry of a request; "
            + "doubles with each attempt, with jitter, and never undercuts AEP's Retry-After.")
    private long initialBackoff = 500;

    @Metadata(label = "advanced", defaultValue = "30000", description = "Longest wait in milliseconds between two "
            + "attempts. A Retry-After longer than this is not waited out: the events are deferred with that delay.")
    private long maxBackoff = 30_000;

    @Metadata(label = "advanced", defaultValue = "30000",
            description = "Milliseconds to wait for AEP's answer to one request (and to connect).")
    private long requestTimeout = 30_000;

    private AepHttpClient http;
    private ExecutorService httpExecutor;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AepEndpoint endpoint = new AepEndpoint(uri, this, AepApi.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The one HTTP client and token cache all aep endpoints of this context share, built on first use. */
    synchronized AepHttpClient http() {
        if (http == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "aep-http");
            Duration timeout = Duration.ofMillis(requestTimeout);
            // The JDK client never retries or sleeps on Retry-After by itself, so every wait is Ferry's decision.
            // HTTP/1.1 because one channel has one request in flight, and a plain-http endpoint (the sandbox)
            // would otherwise be offered an h2c upgrade.
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(httpExecutor)
                    .build();
            AepImsTokens tokens = new AepImsTokens(client, imsUrl, clientId, clientSecret, scopes, timeout,
                    Clock.systemUTC());
            AepRetryPolicy retry = new AepRetryPolicy(maxAttempts, Duration.ofMillis(initialBackoff),
                    Duration.ofMillis(maxBackoff));
            http = new AepHttpClient(client, tokens, retry, clientId, orgId, sandboxName, timeout);
        }
        return http;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(httpExecutor);
            httpExecutor = null;
        }
        http = null;
        super.doStop();
    }

    public String getImsUrl() {
        return imsUrl;
    }

    public void setImsUrl(String imsUrl) {
        this.imsUrl = imsUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getSandboxName() {
        return sandboxName;
    }

    public void setSandboxName(String sandboxName) {
        this.sandboxName = sandboxName;
    }

    public String getPlatformUrl() {
        return platformUrl;
    }

    public void setPlatformUrl(String platformUrl) {
        this.platformUrl = platformUrl;
    }

    public String getStreamingUrl() {
        return streamingUrl;
    }

    public void setStreamingUrl(String streamingUrl) {
        this.streamingUrl = streamingUrl;
    }

    public String getEdgeUrl() {
        return edgeUrl;
    }

    public void setEdgeUrl(String edgeUrl) {
        this.edgeUrl = edgeUrl;
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

    public String getDatastreamId() {
        return datastreamId;
    }

    public void setDatastreamId(String datastreamId) {
        this.datastreamId = datastreamId;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}

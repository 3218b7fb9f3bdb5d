package dev.ferry.storefront;

import dev.ferry.core.config.ConfigException;
import dev.ferry.storefront.acdl.AcdlLimits;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The collector endpoint. Its consumer serves {@code POST {basePath}/events} (and the snippet,
 * {@code GET {basePath}/ferry.js}) on the application's platform-http server and passes each request's accepted events to the route as one {@code List<XdmEvent>}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "storefront", title = "Ferry storefront collector",
        syntax = "storefront:name", consumerOnly = true, category = {Category.HTTP, Category.MONITORING})
@ManagedResource(description = "Ferry storefront collector")
public class StorefrontEndpoint extends DefaultEndpoint {

    @UriPath(enums = "events", description = "What the consumer receives: events, the storefront's ACDL events.")
    @Metadata(required = true)
    private final String name;

    @UriParam(defaultValue = "/v1/storefront", description = "HTTP path under which the collector serves "
            + "POST {basePath}/events (and GET {basePath}/ferry.js) on the application's platform-http server.")
    private String basePath = "/v1/storefront";

    @UriParam(defaultValue = "true", description = "Whether the collector also serves its snippet, "
            + "GET {basePath}/ferry.js, which a storefront page loads to forward its ACDL events.")
    private boolean snippet = true;

    @UriParam(label = "limits", defaultValue = "524288", description = "Most bytes in one request body; a larger "
            + "body is refused as a whole with 413.")
    private int maxBatchBytes = 512 * 1024;

    @UriParam(label = "limits", defaultValue = "32768", description = "Most bytes of one event in the body; a larger "
            + "event is rejected alone, the others are accepted.")
    private int maxEventBytes = 32 * 1024;

    @UriParam(label = "limits", defaultValue = "500", description = "Most events in one request; more are refused "
            + "as a whole with 413.")
    private int maxEvents = 500;

    @UriParam(label = "limits", defaultValue = "32", description = "Deepest JSON nesting accepted; a deeper body is "
            + "refused as a whole with 400.")
    private int maxDepth = 32;

    @UriParam(label = "privacy", defaultValue = "true", description = "Whether the shopper's raw email address is "
            + "sent in personalEmail.address where Adobe's collector sends it (sign-in, account, order and "
            + "requisition-list events). When false it is left out; the SHA-256 identity (Email_LC_SHA256) is sent "
            + "either way.")
    private boolean rawEmail = true;

    @UriParam(label = "security", description = "Comma-separated origins (e.g. https://shop.example.com) whose "
            + "pages may post events from the browser (CORS); * allows any. Pages of the collector's own origin, and "
            + "clients that send no Origin header, may always post.")
    private String allowedOrigins;

    @UriParam(label = "privacy", description = "Domain attribute of the ferry_fpid cookie (e.g. shop.example.com to "
            + "share it with the storefront's subdomains); by default the cookie belongs to the collector's host.")
    private String cookieDomain;

    @UriParam(defaultValue = "60000", description = "Milliseconds a client's event timestamp may lie ahead of the "
            + "collector's clock; a later one is replaced by the time of receipt.")
    private long maxClockSkew = 60_000;

    @UriParam(defaultValue = "5", description = "Seconds the answer's Retry-After asks a client to wait when the "
            + "route could not store the events (503).")
    private int retryAfter = 5;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder optedOut = new LongAdder();
    private final LongAdder refusedRequests = new LongAdder();
    private final LongAdder unavailable = new LongAdder();

    StorefrontEndpoint(String uri, StorefrontComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("storefront:" + name + " receives events; use it in from(), not to()");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        validate();
        StorefrontConsumer consumer = new StorefrontConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Fails with one line naming the first option out of range, so a route does not start with a wrong limit. */
    public void validate() {
        if (basePath == null || !basePath.startsWith("/") || basePath.length() > 1 && basePath.endsWith("/")) {
            throw new ConfigException("storefront option basePath must start with / and not end with one: '"
                    + basePath + "'");
        }
        atLeast("maxBatchBytes", maxBatchBytes, 1024);
        atLeast("maxEventBytes", maxEventBytes, 256);
        atLeast("maxEvents", maxEvents, 1);
        atLeast("maxDepth", maxDepth, 8);
        atLeast("maxClockSkew", maxClockSkew, 0);
        atLeast("retryAfter", retryAfter, 1);
        if (maxEventBytes > maxBatchBytes) {
            throw new ConfigException("storefront option maxEventBytes (" + maxEventBytes
                    + ") cannot exceed maxBatchBytes (" + maxBatchBytes + ")");
        }
    }

    private static void atLeast(String option, long value, long minimum) {
        if (value < minimum) {
            throw new ConfigException("storefront option " + option + " must be at least " + minimum + ", not " + value);
        }
    }

    AcdlLimits limits() {
        return new AcdlLimits(maxBatchBytes, maxEventBytes, maxEvents, maxDepth);
    }

    StorefrontEventMapper mapper() {
        return new StorefrontEventMapper(rawEmail, Duration.ofMillis(maxClockSkew));
    }

    void counted(int acceptedEvents, int rejectedEvents, int optedOutEvents) {
        accepted.add(acceptedEvents);
        rejected.add(rejectedEvents);
        optedOut.add(optedOutEvents);
    }

    void refused() {
        refusedRequests.increment();
    }

    void storeFailed() {
        unavailable.increment();
    }

    @ManagedAttribute(description = "Events stored and acknowledged with 202")
    public long getAcceptedCount() {
        return accepted.sum();
    }

    @ManagedAttribute(description = "Events rejected one by one (unknown, missing context, too large, ...)")
    public long getRejectedCount() {
        return rejected.sum();
    }

    @ManagedAttribute(description = "Events dropped because the shopper opted out (mg_dnt cookie or consent: out)")
    public long getOptedOutCount() {
        return optedOut.sum();
    }

    @ManagedAttribute(description = "Requests refused as a whole with 4xx (content type, size, depth, not JSON, origin)")
    public long getRefusedRequestCount() {
        return refusedRequests.sum();
    }

    @ManagedAttribute(description = "Requests answered 503 because the route could not store their events")
    public long getUnavailableCount() {
        return unavailable.sum();
    }

    public String getName() {
        return name;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public boolean isSnippet() {
        return snippet;
    }

    public void setSnippet(boolean snippet) {
        this.snippet = snippet;
    }

    public int getMaxBatchBytes() {
        return maxBatchBytes;
    }

    public void setMaxBatchBytes(int maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    public int getMaxEventBytes() {
        return maxEventBytes;
    }

    public void setMaxEventBytes(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    public int getMaxEvents() {
        return maxEvents;
    }

    public void setMaxEvents(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public boolean isRawEmail() {
        return rawEmail;
    }

    public void setRawEmail(boolean rawEmail) {
        this.rawEmail = rawEmail;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getCookieDomain() {
        return cookieDomain;
    }

    public void setCookieDomain(String cookieDomain) {
        this.cookieDomain = cookieDomain;
    }

    public long getMaxClockSkew() {
        return maxClockSkew;
    }

    public void setMaxClockSkew(long maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
    }

    public int getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(int retryAfter) {
        this.retryAfter = retryAfter;
    }
}

package dev.ferry.sandbox;

import dev.ferry.sandbox.segmentation.Audience;
import dev.ferry.sandbox.segmentation.AudienceCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a sandbox needs to start: the credentials it accepts, the AEP resources it pretends to have (one
 * datastream, one streaming connection, one dataset with one schema, audiences and an HTTP API destination) and how
 * much it retains.
 *
 * <p>The defaults are the demo's values; {@link #defaults()} starts on a random free port.
 */
public final class SandboxSettings {

    private final int port;
    private final String clientId;
    private final String clientSecret;
    private final String imsOrgId;
    private final String sandboxName;
    private final String datastreamId;
    private final String streamingConnectionId;
    private final String datasetId;
    private final String schemaId;
    private final Duration tokenTtl;
    private final Path schemaFile;
    private final int eventCapacity;
    private final FaultSettings initialFaults;
    private final List<Audience> audiences;
    private final URI destinationUrl;
    private final String destinationToken;
    private final Duration evaluationInterval;
    private final Duration destinationBackoff;

    private SandboxSettings(Builder b) {
        if (b.port < 0 || b.port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + b.port);
        }
        if (b.tokenTtl.isNegative() || b.tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, was " + b.tokenTtl);
        }
        if (b.eventCapacity < 1) {
            throw new IllegalArgumentException("eventCapacity must be at least 1, was " + b.eventCapacity);
        }
        this.port = b.port;
        this.clientId = requireText("clientId", b.clientId);
        this.clientSecret = requireText("clientSecret", b.clientSecret);
        this.imsOrgId = requireText("imsOrgId", b.imsOrgId);
        this.sandboxName = requireText("sandboxName", b.sandboxName);
        this.datastreamId = requireText("datastreamId", b.datastreamId);
        this.streamingConnectionId = requireText("streamingConnectionId", b.streamingConnectionId);
        this.datasetId = requireText("datasetId", b.datasetId);
        this.schemaId = requireText("schemaId", b.schemaId);
        this.tokenTtl = b.tokenTtl;
        this.schemaFile = b.schemaFile;
        this.eventCapacity = b.eventCapacity;
        this.initialFaults = Objects.requireNonNull(b.initialFaults, "initialFaults");
        this.audiences = List.copyOf(b.audiences);
        if (b.destinationUrl != null && !("http".equals(b.destinationUrl.getScheme())
                || "https".equals(b.destinationUrl.getScheme()))) {
            throw new IllegalArgumentException("destinationUrl must be an http(s) URL, was " + b.destinationUrl);
        }
        this.destinationUrl = b.destinationUrl;
        this.destinationToken = b.destinationToken;
        this.evaluationInterval = positive("evaluationInterval", b.evaluationInterval);
        this.destinationBackoff = positive("destinationBackoff", b.destinationBackoff);
    }

    public static SandboxSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive variants. */
    public Builder toBuilder() {
        return new Builder()
                .port(port)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .imsOrgId(imsOrgId)
                .sandboxName(sandboxName)
                .datastreamId(datastreamId)
                .streamingConnectionId(streamingConnectionId)
                .datasetId(datasetId)
                .schemaId(schemaId)
                .tokenTtl(tokenTtl)
                .schemaFile(schemaFile)
                .eventCapacity(eventCapacity)
                .initialFaults(initialFaults)
                .audiences(audiences)
                .destinationUrl(destinationUrl)
                .destinationToken(destinationToken)
                .evaluationInterval(evaluationInterval)
                .destinationBackoff(destinationBackoff);
    }

    /** The port to listen on, 0 for a random free one. */
    public int port() {
        return port;
    }

    /** The OAuth client id; AEP also expects it as the {@code x-api-key} header. */
    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The organization expected in {@code x-gw-ims-org-id} and in DCS message headers. */
    public String imsOrgId() {
        return imsOrgId;
    }

    /** The sandbox expected in {@code x-sandbox-name} by Platform APIs. */
    public String sandboxName() {
        return sandboxName;
    }

    public String datastreamId() {
        return datastreamId;
    }

    public String streamingConnectionId() {
        return streamingConnectionId;
    }

    public String datasetId() {
        return datasetId;
    }

    /** The {@code $id} of the dataset's XDM schema, expected in DCS {@code schemaRef.id}. */
    public String schemaId() {
        return schemaId;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** A closed JSON Schema (draft-07) to validate events against instead of Ferry's built-in one. */
    public Optional<Path> schemaFile() {
        return Optional.ofNullable(schemaFile);
    }

    /** How many received events are retained for inspection. */
    public int eventCapacity() {
        return eventCapacity;
    }

    public FaultSettings initialFaults() {
        return initialFaults;
    }

    /** The audiences the Segmentation API lists at start, those with a rule evaluated on the events received. */
    public List<Audience> audiences() {
        return audiences;
    }

    /** Where qualification changes are pushed, as AEP's HTTP API destination does; empty pushes nowhere. */
    public Optional<URI> destinationUrl() {
        return Optional.ofNullable(destinationUrl);
    }

    /** Sent as {@code Authorization: Bearer <token>} with every push, when set. */
    public Optional<String> destinationToken() {
        return Optional.ofNullable(destinationToken).filter(token -> !token.isBlank());
    }

    /** How often every profile is evaluated again, so that memberships end when their time window passes. */
    public Duration evaluationInterval() {
        return evaluationInterval;
    }

    /** The wait before the first retry of a failed push; it doubles with each further attempt. */
    public Duration destinationBackoff() {
        return destinationBackoff;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Builds {@link SandboxSettings}, starting from the demo defaults. */
    public static final class Builder {
        private int port;
        private String clientId = "ferry-demo-client";
        private String clientSecret = "ferry-demo-secret";
        private String imsOrgId = "FERRYDEMO@AdobeOrg";
        private String sandboxName = "prod";
        private String datastreamId = "ferry-demo-datastream";
        private String streamingConnectionId = "ferry-demo-connection";
        private String datasetId = "ferry-demo-dataset";
        private String schemaId = "https://ns.adobe.com/ferrydemo/schemas/commerce-events";
        private Duration tokenTtl = Duration.ofHours(24);
        private Path schemaFile;
        private int eventCapacity = 200_000;
        private FaultSettings initialFaults = FaultSettings.none();
        private List<Audience> audiences = AudienceCatalog.SAMPLES;
        private URI destinationUrl;
        private String destinationToken;
        private Duration evaluationInterval = Duration.ofSeconds(1);
        private Duration destinationBackoff = Duration.ofSeconds(1);

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder imsOrgId(String imsOrgId) {
            this.imsOrgId = imsOrgId;
            return this;
        }

        public Builder sandboxName(String sandboxName) {
            this.sandboxName = sandboxName;
            return this;
        }

        public Builder datastreamId(String datastreamId) {
            this.datastreamId = datastreamId;
            return this;
        }

        public Builder streamingConnectionId(String streamingConnectionId) {
            this.streamingConnectionId = streamingConnectionId;
            return this;
        }

        public Builder datasetId(String datasetId) {
            this.datasetId = datasetId;
            return this;
        }

        public Builder schemaId(String schemaId) {
            this.schemaId = schemaId;
            return this;
        }

        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = Objects.requireNonNull(tokenTtl, "tokenTtl");
            return this;
        }

        /** Validate against this closed JSON Schema file; null restores the built-in schema. */
        public Builder schemaFile(Path schemaFile) {
            this.schemaFile = schemaFile;
            return this;
        }

        public Builder eventCapacity(int eventCapacity) {
            this.eventCapacity = eventCapacity;
            return this;
        }

        public Builder initialFaults(FaultSettings initialFaults) {
            this.initialFaults = initialFaults;
            return this;
        }

        public Builder audiences(List<Audience> audiences) {
            this.audiences = Objects.requireNonNull(audiences, "audiences");
            return this;
        }

        /** Push qualification changes to this URL; null pushes nowhere. */
        public Builder destinationUrl(URI destinationUrl) {
            this.destinationUrl = destinationUrl;
            return this;
        }

        public Builder destinationToken(String destinationToken) {
            this.destinationToken = destinationToken;
            return this;
        }

        public Builder evaluationInterval(Duration evaluationInterval) {
            this.evaluationInterval = evaluationInterval;
            return this;
        }

        public Builder destinationBackoff(Duration destinationBackoff) {
            this.destinationBackoff = destinationBackoff;
            return this;
        }

        public SandboxSettings build() {
            return new SandboxSettings(this);
        }
    }
}

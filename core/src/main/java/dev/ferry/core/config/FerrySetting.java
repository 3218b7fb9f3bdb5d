package dev.ferry.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every {@code ferry.*} key the launcher understands: its default and what it means. This is the one place the
 * keys are documented; {@code docs/configuration.md} is generated from it and a test keeps the two in step.
 */
public enum FerrySetting {
    HTTP_HOST("ferry.http.host", "0.0.0.0", "Interface the business endpoints (collector, audiences, GraphQL proxy) listen on."),
    HTTP_PORT("ferry.http.port", "8080", "Port of the business endpoints."),
    HTTP_TLS_KEYSTORE("ferry.http.tls.keystore", "", "Keystore file (PKCS12 or JKS) with the business port's certificate and key; when set, the business port serves HTTPS only."),
    HTTP_TLS_KEYSTORE_PASSWORD("ferry.http.tls.keystore-password", "", "Password of the TLS keystore.", true),
    HTTP_TLS_KEYSTORE_TYPE("ferry.http.tls.keystore-type", "PKCS12", "Type of the TLS keystore: PKCS12 or JKS."),
    MANAGEMENT_HOST("ferry.management.host", "127.0.0.1", "Interface of the management server; loopback unless an operator opens it on purpose."),
    MANAGEMENT_PORT("ferry.management.port", "8081", "Port of the management server: health at /observe/health, Prometheus metrics at /observe/metrics."),
    ADMIN_TOKEN("ferry.admin.token", "", "Bearer token for the management port's admin API (dead letters at /admin/dlq) and its metrics; without one the admin API is off, and the management port must stay on loopback.", true),
    COMMERCE_DB_URL("ferry.commerce.db.url", "", "JDBC URL of the Adobe Commerce (Magento 2) MySQL/MariaDB database, e.g. jdbc:mariadb://db:3306/magento."),
    COMMERCE_DB_USER("ferry.commerce.db.user", "", "Database user for the Commerce database; read grants suffice for the order connectors."),
    COMMERCE_DB_PASSWORD("ferry.commerce.db.password", "", "Password of the Commerce database user.", true),
    STATE_DB_URL("ferry.state.db.url", "jdbc:h2:file:./data/ferry-state", "JDBC URL of Ferry's own state (outbox, checkpoints, dead letters): the embedded H2 file by default (one process at a time); jdbc:postgresql: or jdbc:mariadb: in production (tested on PostgreSQL 15 and MariaDB 10.11; not MySQL). Ferry creates its tables on first start."),
    STATE_DB_USER("ferry.state.db.user", "", "User of the state database."),
    STATE_DB_PASSWORD("ferry.state.db.password", "", "Password of the state database user.", true),
    AEP_IMS_URL("ferry.aep.ims.url", "https://ims-na1.adobelogin.com", "Adobe IMS base URL; tokens come from {url}/ims/token/v3."),
    AEP_CLIENT_ID("ferry.aep.client-id", "", "OAuth server-to-server client id of the Adobe Developer Console project; also sent as x-api-key."),
    AEP_CLIENT_SECRET("ferry.aep.client-secret", "", "OAuth server-to-server client secret.", true),
    AEP_SCOPES("ferry.aep.scopes", "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session", "Comma-separated OAuth scopes requested with the token."),
    AEP_ORG_ID("ferry.aep.org-id", "", "IMS organization id (…@AdobeOrg), sent as x-gw-ims-org-id."),
    AEP_SANDBOX_NAME("ferry.aep.sandbox-name", "prod", "AEP sandbox name, sent as x-sandbox-name on Platform APIs."),
    AEP_PLATFORM_URL("ferry.aep.platform.url", "https://platform.adobe.io", "Base URL of the Platform APIs (batch ingestion, Catalog, Segmentation)."),
    AEP_STREAMING_URL("ferry.aep.streaming.url", "https://dcs.adobedc.net", "Base URL of streaming ingestion (DCS)."),
    AEP_EDGE_URL("ferry.aep.edge.url", "https://server.adobedc.net", "Base URL of the Edge Network server-to-server API."),
    AEP_STREAMING_CONNECTION_ID("ferry.aep.streaming.connection-id", "", "Streaming (HTTP API) connection id; requests go to /collection/batch/{id}."),
    AEP_DATASET_ID("ferry.aep.dataset-id", "", "Dataset that receives the ExperienceEvents (streaming and batch)."),
    AEP_SCHEMA_ID("ferry.aep.schema-id", "", "Schema $id of the dataset, sent as header.schemaRef.id on streaming messages."),
    AEP_DATASTREAM_ID("ferry.aep.datastream-id", "", "Edge datastream id used by aep:edge."),
    CLUSTER_LEASE_TIMEOUT("ferry.cluster.lease-timeout", "15000", "Milliseconds that the node running the once-per-cluster routes (the order poller, the audience catalog, the outbox deliveries: routePolicy ferryLeader) keeps them after it stops renewing its lease in the state database, renewed every third of it; other nodes sharing that database take them over after it, and a node restarted on the same host at once."),
    DLQ_RETENTION("ferry.dlq.retention", "30d", "How long dead letters are kept: an age such as 30d, 12h or 45m, checked hourly while Ferry runs; 0 keeps them for good."),
    ORDERS_ENABLED("ferry.orders.enabled", "false", "Whether the back-office order poller runs (routes/commerce-orders.yaml); it reads the database of ferry.commerce.db.*."),
    ORDERS_POLL_INTERVAL("ferry.orders.poll-interval", "2000", "Milliseconds between two polls of the Commerce database for order changes."),
    AUDIENCES_ENABLED("ferry.audiences.enabled", "false", "Whether the audience endpoints run (routes/audiences.yaml): the AEP destination intake, the membership lookup, the GraphQL proxy and the shopper's own membership; Ferry's ferry_* tables are created in the database of ferry.commerce.db.*, whose user then needs CREATE, INSERT and UPDATE on them."),
    AUDIENCES_DESTINATION_TOKEN("ferry.audiences.destination.token", "", "Bearer token configured in AEP's HTTP API destination; POST /v1/audiences/aep-destination refuses any other with 401.", true),
    AUDIENCES_LOOKUP_TOKEN("ferry.audiences.lookup-token", "", "Bearer token Commerce-side code sends to GET /v1/audiences and GET /v1/audiences/membership.", true),
    AUDIENCES_CUSTOMER_NAMESPACE("ferry.audiences.customer-namespace", "commerceCustomerId", "AEP identity namespace code of the Commerce customer id; its lower-cased form is the identityMap key in destination pushes."),
    AUDIENCES_CATALOG_POLL_INTERVAL("ferry.audiences.catalog.poll-interval", "300000", "Milliseconds between two reads of AEP's audience catalog (Segmentation API) into ferry_audience."),
    AUDIENCES_CUSTOMER_MAP_REFRESH_INTERVAL("ferry.audiences.customer-map.refresh-interval", "60", "Seconds between two incremental refreshes of the customer email-hash map from customer_entity; an unknown hash refreshes it sooner."),
    AUDIENCES_PULL_URI("ferry.audiences.pull-uri", "aep:activation", "Camel endpoint asked for the audiences of a shopper Ferry has stored nothing for: by default the AEP connector's Edge activation:pull lookup on ferry.aep.datastream-id; empty for no pull."),
    AUDIENCES_PULL_CACHE_TTL("ferry.audiences.pull-cache-ttl", "300", "Seconds a pulled membership is cached per identity."),
    AUDIENCES_MEMBERSHIP_CACHE_TTL("ferry.audiences.membership-cache-ttl", "5000", "Milliseconds a lookup answer (lookup, GraphQL proxy, own membership) is cached per identity; a push, a customer map change or a catalog change forgets the answers it affects at once, so only changes made outside this Ferry (another node's pushes, a Commerce email change the map has not copied yet) wait for it; 0 caches nothing."),
    COMMERCE_GRAPHQL_URL("ferry.commerce.graphql.url", "", "Commerce's GraphQL endpoint, e.g. https://shop.example.com/graphql; when set, Ferry serves /graphql as a proxy to it that adds the aep-segments-membership header."),
    HISTORY_WORK_DIR("ferry.history.work-dir", "data/history", "Directory where `ferry history` writes its JSON Lines files; each is uploaded into the open batch once written and deleted once its batch reached a final status, and a resume needs the files of the batch left open."),
    HISTORY_FILE_SIZE("ferry.history.file-size", "268435456", "Largest JSON Lines file of a history export, in bytes (AEP recommends at most 256 MB); a file never exceeds it."),
    HISTORY_FILES_PER_BATCH("ferry.history.files-per-batch", "100", "Files per AEP batch of a history export; at most 1500 files and 100 GB per batch (AEP's guardrails)."),
    HISTORY_BATCHES_IN_FLIGHT("ferry.history.batches-in-flight", "4", "Completed batches of a history export that may wait for AEP's final status at once while the next loads (AEP processes several side by side); each keeps its files on disk until then, so the disk holds up to batches-in-flight + 2 batches."),
    HISTORY_BATCHES_PER_DAY("ferry.history.batches-per-day", "90", "At most this many history batches in any 24 hours (AEP's guardrail for a sandbox's Profile-enabled datasets is 90), counted over every history export in the state database; the export stops, resumable, when reached; 0 for no cap."),
    HISTORY_PAGE_SIZE("ferry.history.page-size", "500", "Orders a history export reads per page (keyset on sales_order.entity_id)."),
    STOREFRONT_RAW_EMAIL("ferry.storefront.raw-email", "true", "Whether a signed-in shopper's raw email address goes into personalEmail.address where Adobe's collector puts it; false sends only its SHA-256 hash (Email_LC_SHA256)."),
    STOREFRONT_ALLOWED_ORIGINS("ferry.storefront.allowed-origins", "", "Comma-separated storefront origins (https://shop.example.com) allowed to post events cross-origin; empty allows same-origin pages only."),
    STOREFRONT_MAX_BATCH_BYTES("ferry.storefront.max-batch-bytes", "524288", "Largest request body the storefront collector accepts; a larger one is refused with 413.");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    FerrySetting(String key, String defaultValue, String description) {
        this(key, defaultValue, description, false);
    }

    FerrySetting(String key, String defaultValue, String description, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    /** The environment variable that overrides this key: upper case, '.' and '-' turned into '_'. */
    public String environmentVariable() {
        return environmentVariableOf(key);
    }

    public static String environmentVariableOf(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Optional<FerrySetting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Keys holding secrets are recognised by name too, so a connector's own secret keys are never printed. */
    public static boolean isSecretKey(String key) {
        return byKey(key).map(FerrySetting::secret)
                .orElseGet(() -> key.matches("(?i).*(secret|password|token|credential|private-key).*"));
    }
}

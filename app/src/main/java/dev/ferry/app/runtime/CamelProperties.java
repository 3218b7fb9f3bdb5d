package dev.ferry.app.runtime;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Translates Ferry's keys into the Camel Main properties they stand for, so the operator learns one set of keys;
 * any {@code camel.*} key in the config file still reaches Camel unchanged.
 */
public final class CamelProperties {

    /** Ferry key -> AEP component option. */
    private static final Map<FerrySetting, String> AEP_OPTIONS = Map.ofEntries(
            Map.entry(FerrySetting.AEP_IMS_URL, "imsUrl"),
            Map.entry(FerrySetting.AEP_CLIENT_ID, "clientId"),
            Map.entry(FerrySetting.AEP_CLIENT_SECRET, "clientSecret"),
            Map.entry(FerrySetting.AEP_SCOPES, "scopes"),
            Map.entry(FerrySetting.AEP_ORG_ID, "orgId"),
            Map.entry(FerrySetting.AEP_SANDBOX_NAME, "sandboxName"),
            Map.entry(FerrySetting.AEP_PLATFORM_URL, "platformUrl"),
            Map.entry(FerrySetting.AEP_STREAMING_URL, "streamingUrl"),
            Map.entry(FerrySetting.AEP_EDGE_URL, "edgeUrl"),
            Map.entry(FerrySetting.AEP_STREAMING_CONNECTION_ID, "streamingConnectionId"),
            Map.entry(FerrySetting.AEP_DATASET_ID, "datasetId"),
            Map.entry(FerrySetting.AEP_SCHEMA_ID, "schemaId"),
            Map.entry(FerrySetting.AEP_DATASTREAM_ID, "datastreamId"));

    /** The audiences endpoints' default maxBodyBytes (1 MiB), the largest body any business endpoint takes by default. */
    static final long BUSINESS_BODY_LIMIT = 1_048_576;

    private CamelProperties() {
    }

    /** The last segment of each secret Ferry key, as Camel compares it: lower case, without dashes. */
    static String secretKeywords() {
        return Arrays.stream(FerrySetting.values()).filter(FerrySetting::secret)
                .map(s -> s.key().substring(s.key().lastIndexOf('.') + 1).replace("-", "").toLowerCase(Locale.ROOT))
                .distinct().collect(Collectors.joining(","));
    }

    static Properties of(FerryConfig config, RouteLocation routes) {
        Properties camel = config.asProperties();
        camel.put("camel.main.name", "ferry");
        camel.put("camel.main.routesIncludePattern", routes.includePattern());
        camel.put("camel.main.shutdownTimeout", "30");
        camel.put("camel.main.shutdownSuppressLoggingOnTimeout", "false");
        // Camel masks the values of keys whose last segment it knows as sensitive (token, password, clientsecret…)
        // when it logs its properties; a Ferry secret such as ferry.audiences.lookup-token is not one of them.
        camel.put("camel.main.additionalSensitiveKeywords", secretKeywords());
        camel.put("camel.server.enabled", "true");
        camel.put("camel.server.host", config.get(FerrySetting.HTTP_HOST));
        camel.put("camel.server.port", config.get(FerrySetting.HTTP_PORT));
        if (!camel.containsKey("camel.server.maxBodySize") && !camel.containsKey("camel.server.max-body-size")) {
            // The HTTP engine reads a whole body before an endpoint sees it, with no limit unless given one. With one,
            // a body declared larger is answered 413 at once, instead of Ferry waiting for (or buffering) the bytes.
            camel.put("camel.server.maxBodySize", Long.toString(Math.max(BUSINESS_BODY_LIMIT,
                    config.getInt(FerrySetting.STOREFRONT_MAX_BATCH_BYTES))));
        }
        String keystore = config.get(FerrySetting.HTTP_TLS_KEYSTORE);
        if (!keystore.isEmpty()) {
            // Only the business port uses the global TLS context; the management port stays plain on loopback.
            camel.put("camel.ssl.enabled", "true");
            camel.put("camel.ssl.keyStore", "file:" + java.nio.file.Path.of(keystore).toAbsolutePath());
            camel.put("camel.ssl.keystorePassword", config.get(FerrySetting.HTTP_TLS_KEYSTORE_PASSWORD));
            camel.put("camel.ssl.keyStoreType", config.get(FerrySetting.HTTP_TLS_KEYSTORE_TYPE));
            camel.put("camel.server.useGlobalSslContextParameters", "true");
        }
        camel.put("camel.management.enabled", "true");
        camel.put("camel.management.host", config.get(FerrySetting.MANAGEMENT_HOST));
        camel.put("camel.management.port", config.get(FerrySetting.MANAGEMENT_PORT));
        camel.put("camel.management.healthCheckEnabled", "true");
        camel.put("camel.health.enabled", "true");
        // List every check (outbox, routes, consumers); ?data=true adds their details, such as the outbox backlog.
        // The management port is loopback unless an operator opens it.
        camel.put("camel.health.exposureLevel", "full");
        camel.put("camel.management.metricsEnabled", "true");
        camel.put("camel.metrics.enabled", "true");
        camel.put("camel.metrics.enableRoutePolicy", "true");
        // Micrometer's JVM and process meters (heap, GC, threads, CPU, file descriptors, uptime), which operators
        // watch beside Camel's route meters; Camel binds none unless asked.
        camel.put("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor,file-descriptor,uptime");
        // Per-exchange event meters clash in Prometheus for exchanges that begin outside a route (the collector's
        // HTTP consumers); the route policy already measures every route.
        camel.put("camel.metrics.enableExchangeEventNotifier", "false");
        aepOptions(config).forEach((option, value) -> camel.put("camel.component.aep." + option, value));
        return camel;
    }

    /** The aep component's options that the configuration sets, for a CamelContext built without Camel Main. */
    public static Map<String, Object> aepOptions(FerryConfig config) {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        AEP_OPTIONS.forEach((setting, option) -> {
            String value = config.get(setting);
            if (value != null && !value.isEmpty()) {
                options.put(option, value);
            }
        });
        return options;
    }
}

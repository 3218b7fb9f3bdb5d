package dev.ferry.app.check;

import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The config checks: the file loads, every {@code ferry.*} key in it is one {@link FerrySetting} knows, ports are
 * port numbers, URLs are http(s) URLs, and the AEP keys that the routes' {@code aep:} endpoints need are set.
 */
final class ConfigCheck {

    static final String WHAT = "config";

    private static final Set<FerrySetting> PORTS = Set.of(FerrySetting.HTTP_PORT, FerrySetting.MANAGEMENT_PORT);
    private static final List<FerrySetting> HTTP_URLS = List.of(FerrySetting.AEP_IMS_URL, FerrySetting.AEP_PLATFORM_URL,
            FerrySetting.AEP_STREAMING_URL, FerrySetting.AEP_EDGE_URL);
    private static final List<FerrySetting> JDBC_URLS = List.of(FerrySetting.COMMERCE_DB_URL, FerrySetting.STATE_DB_URL);

    private final Path file;
    private final Map<String, String> environment;
    private FerryConfig config;
    private boolean loaded;
    private Map<String, Integer> lines = Map.of();

    ConfigCheck(Path file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** Loads the file and checks what needs no routes; {@link #config()} is usable afterwards, even on failure. */
    List<CheckResult> check() {
        List<CheckResult> results = new ArrayList<>();
        try {
            config = FerryConfig.load(file, environment);
            loaded = true;
        } catch (ConfigException e) {
            config = FerryConfig.load(null, environment);
            results.add(CheckResult.fail(Area.CONFIG, WHAT, e.getMessage(), e));
            return results;
        }
        if (file == null) {
            results.add(CheckResult.ok(Area.CONFIG, WHAT, "no --config file: environment variables and defaults only"));
        } else {
            try {
                lines = PropertiesLines.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                lines = Map.of(); // FerryConfig read it; only the line numbers are lost
            }
            long ferryKeys = lines.keySet().stream().filter(k -> k.startsWith("ferry.")).count();
            results.add(CheckResult.ok(Area.CONFIG, WHAT, file + " loads (" + ferryKeys + " ferry.* "
                    + (ferryKeys == 1 ? "key" : "keys") + ")"));
            results.addAll(unknownKeys());
        }
        results.addAll(ports());
        results.addAll(urls());
        results.addAll(audiences());
        return results;
    }

    /** With the audience endpoints on, both tokens, the Commerce database and a valid GraphQL URL are needed. */
    private List<CheckResult> audiences() {
        if (!Boolean.parseBoolean(config.get(FerrySetting.AUDIENCES_ENABLED).strip())) {
            return List.of();
        }
        List<CheckResult> failures = new ArrayList<>();
        for (FerrySetting required : List.of(FerrySetting.AUDIENCES_DESTINATION_TOKEN,
                FerrySetting.AUDIENCES_LOOKUP_TOKEN, FerrySetting.COMMERCE_DB_URL)) {
            if (config.get(required).isBlank()) {
                failures.add(CheckResult.fail(Area.CONFIG, WHAT, required.key() + " is empty but "
                        + FerrySetting.AUDIENCES_ENABLED.key() + "=true needs it; set it in the config file or as "
                        + required.environmentVariable()));
            }
        }
        String graphql = config.get(FerrySetting.COMMERCE_GRAPHQL_URL);
        String problem = graphql.isBlank() ? null : httpUrlProblem(graphql);
        if (problem != null) {
            failures.add(CheckResult.fail(Area.CONFIG, WHAT, where(FerrySetting.COMMERCE_GRAPHQL_URL)
                    + FerrySetting.COMMERCE_GRAPHQL_URL.key() + " " + problem));
        }
        return failures.isEmpty()
                ? List.of(CheckResult.ok(Area.CONFIG, WHAT, "audience endpoints: tokens and Commerce database set"))
                : failures;
    }

    private List<CheckResult> unknownKeys() {
        return UnknownKeys.of(file, lines).stream().map(unknown -> CheckResult.fail(Area.CONFIG, WHAT, unknown))
                .toList();
    }

    private List<CheckResult> ports() {
        List<CheckResult> failures = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (FerrySetting setting : PORTS.stream().sorted().toList()) {
            String value = config.get(setting);
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                failures.add(CheckResult.fail(Area.CONFIG, WHAT, where(setting) + setting.key()
                        + " must be a port number from 1 to 65535, not '" + value + "'"));
            } else {
                shown.add(setting.key() + "=" + port);
            }
        }
        return failures.isEmpty()
                ? List.of(CheckResult.ok(Area.CONFIG, WHAT, "ports " + String.join(", ", shown)))
                : failures;
    }

    private List<CheckResult> urls() {
        List<CheckResult> failures = new ArrayList<>();
        for (FerrySetting setting : HTTP_URLS) {
            String value = config.get(setting);
            String problem = httpUrlProblem(value);
            if (problem != null) {
                failures.add(CheckResult.fail(Area.CONFIG, WHAT, where(setting) + setting.key() + " " + problem));
            }
        }
        for (FerrySetting setting : JDBC_URLS) {
            String value = config.get(setting);
            boolean optional = setting == FerrySetting.COMMERCE_DB_URL;
            if (value == null || value.isBlank()) {
                if (!optional) {
                    failures.add(CheckResult.fail(Area.CONFIG, WHAT, setting.key() + " is empty; set it in the config file "
                            + "or as " + setting.environmentVariable()));
                }
            } else if (!value.startsWith("jdbc:")) {
                // Not quoted: a value that is no URL, such as user:pw@host/db, may be mostly credentials.
                failures.add(CheckResult.fail(Area.CONFIG, WHAT, where(setting) + setting.key()
                        + " is not a JDBC URL (jdbc:...)"));
            }
        }
        if (!failures.isEmpty()) {
            return failures;
        }
        return List.of(CheckResult.ok(Area.CONFIG, WHAT, "URLs " + HTTP_URLS.stream().map(FerrySetting::key)
                .collect(Collectors.joining(", ")) + " are http(s) URLs"));
    }

    /** Why the value is not an http(s) URL with a host, or null when it is one. */
    static String httpUrlProblem(String value) {
        if (value == null || value.isBlank()) {
            return "is empty; it must be an http(s) URL";
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https"))) {
                return "must be an http(s) URL, not '" + value + "'";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "has no host name: '" + value + "'";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL: '" + value + "' (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
    }

    /**
     * The keys the routes' {@code aep:} endpoints need. A resource id given in the endpoint's URI (e.g.
     * {@code aep:edge?datastreamId=...}) stands in for its key.
     */
    List<CheckResult> checkAepKeys(List<EndpointUse> aepEndpoints, UriParts.Resolver placeholders) {
        if (aepEndpoints.isEmpty()) {
            return List.of(CheckResult.ok(Area.CONFIG, WHAT, "no aep: endpoint in the routes, so no AEP keys are needed"));
        }
        // key -> the first endpoint that needs it
        Map<FerrySetting, EndpointUse> needed = new LinkedHashMap<>();
        Set<String> apis = new TreeSet<>();
        for (EndpointUse use : aepEndpoints) {
            UriParts uri = UriParts.parse(placeholders.resolve(use.uri()));
            if (uri == null) {
                continue;
            }
            apis.add("aep:" + uri.path());
            for (AepRequirement requirement : AepRequirement.of(uri.path())) {
                boolean inUri = requirement.endpointOption != null
                        && (uri.hasOption(requirement.endpointOption) || use.options().keySet().stream()
                        .anyMatch(o -> o.equalsIgnoreCase(requirement.endpointOption)));
                if (!inUri) {
                    needed.putIfAbsent(requirement.setting, use);
                }
            }
        }
        List<CheckResult> results = new ArrayList<>();
        needed.forEach((setting, use) -> {
            String value = config.get(setting);
            if (value == null || value.isBlank()) {
                results.add(CheckResult.fail(Area.CONFIG, WHAT, setting.key() + " is not set (needed by "
                        + UriParts.schemeAndPath(use.uri()) + " at " + use.source() + "); set it in the config file or as "
                        + "environment variable " + setting.environmentVariable()));
            }
        });
        if (results.isEmpty()) {
            results.add(CheckResult.ok(Area.CONFIG, WHAT, "AEP keys set for " + String.join(", ", apis) + " ("
                    + needed.keySet().stream().map(FerrySetting::key).collect(Collectors.joining(", ")) + ")"));
        }
        return results;
    }

    /** {@code "ferry.properties:3: "} when the value comes from the file, the variable's name when from the
     * environment, nothing for a default. */
    private String where(FerrySetting setting) {
        if (environment.containsKey(setting.environmentVariable())) {
            return "environment variable " + setting.environmentVariable() + ": ";
        }
        Integer line = lines.get(setting.key());
        return line == null ? "" : file + ":" + line + ": ";
    }

    FerryConfig config() {
        return config;
    }

    boolean loaded() {
        return loaded;
    }
}

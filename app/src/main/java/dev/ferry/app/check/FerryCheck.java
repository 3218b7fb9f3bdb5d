package dev.ferry.app.check;

import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.app.log.LogRedaction;
import dev.ferry.app.runtime.RouteLocation;
import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ferry check}: validates the config and the YAML routes, then tests each connection, printing one line per
 * check and a summary. Returns 0 when everything passes, 3 when the config or a route is invalid, 4 when a
 * connection check fails ({@link dev.ferry.app.ExitCodes}).
 *
 * <p>Order: the config file; each routes file (YAML syntax, fields against Camel's YAML DSL schema, endpoint
 * schemes and options); the AEP keys the routes need; Camel's own loader on the files that passed; then the Commerce
 * database (and, with the order poller on, its user's read grants), the state database and the IMS token.
 */
public final class FerryCheck {

    /**
     * @param configFile  the {@code --config} file, or null for environment and defaults only
     * @param routes      the {@code --routes} directory, or null for {@code ./routes}, else the bundled routes
     * @param environment the environment variables that override config keys
     * @param verbose     print stack traces of failures and leave logging on
     */
    public record Options(Path configFile, Path routes, Map<String, String> environment, boolean verbose) {
        public Options {
            environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        }
    }

    private final Options options;
    private final ClassLoader loader;

    public FerryCheck(Options options) {
        this(options, FerryCheck.class.getClassLoader());
    }

    FerryCheck(Options options, ClassLoader loader) {
        this.options = options;
        this.loader = loader;
    }

    /** Runs every check, printing as it goes; returns the exit code. */
    public int run(PrintWriter out, PrintWriter err) {
        try (QuietLogging ignored = QuietLogging.unless(options.verbose())) {
            return runChecks(out, err);
        }
    }

    private int runChecks(PrintWriter out, PrintWriter err) {
        ConfigCheck configCheck = new ConfigCheck(options.configFile(), options.environment());
        List<CheckResult> configResults = configCheck.check();
        FerryConfig config = configCheck.config();
        Redactor redactor = Redactor.of(config);
        LogRedaction.use(redactor); // with --verbose, Camel's and the drivers' log lines are shown
        CheckReport report = new CheckReport(out, err, options.verbose(), redactor);
        configResults.forEach(report::add);

        Routes routes = analyseRoutes(config);
        List<EndpointUse> aep = routes.endpoints.stream()
                .filter(e -> "aep".equals(schemeOf(routes.placeholders.resolve(e.uri())))).toList();
        if (configCheck.loaded()) {
            configCheck.checkAepKeys(aep, routes.placeholders).forEach(report::add);
        }
        routes.results.forEach(report::add);
        if (!routes.loadable.isEmpty()) {
            CamelLoadCheck.check(routes.loadable, routes.camelEndpoints, CamelLoadCheck.properties(config.asMap()))
                    .forEach(report::add);
        }

        if (!configCheck.loaded()) {
            for (String what : List.of("commerce-db", "state-db", "ims-token")) {
                report.add(CheckResult.skip(Area.CONNECTION, what, "the config file did not load"));
            }
        } else {
            report.add(guarded("commerce-db", () -> ConnectionChecks.commerceDatabase(config)));
            readGrants(config).forEach(report::add);
            report.add(guarded("state-db", () -> ConnectionChecks.stateDatabase(config)));
            report.add(guarded("ims-token", () -> ConnectionChecks.imsToken(config, !aep.isEmpty())));
        }
        return report.finish();
    }

    /** What the routes checks found. */
    private static final class Routes {
        final List<CheckResult> results = new ArrayList<>();
        final List<EndpointUse> endpoints = new ArrayList<>();
        /** Files free of problems, for Camel's loader. */
        final List<RouteFile> loadable = new ArrayList<>();
        /** Fixed endpoints of those files for Camel to resolve, less those still holding a route template's parameters. */
        final List<EndpointUse> camelEndpoints = new ArrayList<>();
        UriParts.Resolver placeholders;
    }

    private Routes analyseRoutes(FerryConfig config) {
        Routes routes = new Routes();
        routes.placeholders = new UriParts.Resolver(config.asMap(), options.environment());
        RouteLocation location;
        List<RouteFile> files;
        try {
            location = RouteLocation.resolve(options.routes());
            files = RouteSources.of(location, loader);
        } catch (ConfigException | java.io.UncheckedIOException e) {
            routes.results.add(CheckResult.fail(Area.ROUTES, RouteWalker.WHAT, e.getMessage(), e));
            return routes;
        }
        if (files.isEmpty()) {
            routes.results.add(CheckResult.fail(Area.ROUTES, RouteWalker.WHAT, "no *.yaml routes in " + location));
            return routes;
        }
        for (String ignored : RouteSources.ignored(location)) {
            routes.results.add(CheckResult.skip(Area.ROUTES, RouteWalker.WHAT, ignored
                    + " is not loaded: Ferry loads *.yaml files only"));
        }
        RouteWalker walker;
        ComponentCatalog catalog;
        try {
            walker = new RouteWalker(CamelYamlSchema.get());
            catalog = ComponentCatalog.discover(loader);
        } catch (RuntimeException e) {
            routes.results.add(CheckResult.fail(Area.ROUTES, RouteWalker.WHAT, "cannot check the routes: "
                    + CheckResult.oneLine(String.valueOf(e.getMessage())), e));
            return routes;
        }
        EndpointCheck endpointCheck = new EndpointCheck(catalog, routes.placeholders);
        Map<String, String> routeIds = new LinkedHashMap<>();
        for (RouteFile file : files) {
            RouteWalker.FileReport report = walker.walk(file);
            List<CheckResult> problems = new ArrayList<>(report.failures);
            for (EndpointUse use : report.endpoints) {
                problems.addAll(endpointCheck.check(use));
            }
            for (Map.Entry<String, String> route : report.routeIds) {
                String earlier = routeIds.putIfAbsent(route.getKey(), route.getValue());
                if (earlier != null) {
                    problems.add(CheckResult.fail(Area.ROUTES, RouteWalker.WHAT, route.getValue() + ": route id '"
                            + route.getKey() + "' is already used at " + earlier));
                }
            }
            problems.sort(Comparator.comparingInt(r -> lineOf(r, file)));
            routes.endpoints.addAll(report.endpoints);
            if (problems.isEmpty()) {
                routes.loadable.add(file);
                for (EndpointUse use : report.endpoints) {
                    String resolved = routes.placeholders.resolve(use.uri());
                    // A placeholder the config cannot resolve is Camel's to report, unless a template defines it.
                    if (!use.dynamic() && !(report.templates && UriParts.Resolver.unresolved(resolved))) {
                        routes.camelEndpoints.add(new EndpointUse(use.source(), resolved, false, use.options()));
                    }
                }
                routes.results.add(CheckResult.ok(Area.ROUTES, RouteWalker.WHAT, describe(report)));
            } else {
                routes.results.addAll(problems);
            }
        }
        if (routes.loadable.size() < files.size() && !routes.loadable.isEmpty()) {
            routes.results.add(CheckResult.skip(Area.ROUTES, CamelLoadCheck.WHAT, (files.size() - routes.loadable.size())
                    + " of " + files.size() + " files not given to Camel until the problems above are fixed"));
        }
        return routes;
    }

    private static String describe(RouteWalker.FileReport report) {
        if (report.notWalked) {
            return report.file.name() + ": a Kubernetes-style resource; only Camel's loader checks it";
        }
        List<String> uris = report.endpoints.stream().map(e -> UriParts.schemeAndPath(e.uri())).distinct().toList();
        return report.file.name() + ": " + report.routes + (report.routes == 1 ? " route" : " routes")
                + (uris.isEmpty() ? "" : " (" + String.join(", ", uris) + ")");
    }

    /** The line number a finding about the file starts with ({@code name:LINE: ...}); 0 when it names none. */
    private static int lineOf(CheckResult result, RouteFile file) {
        String detail = result.detail();
        String prefix = file.name() + ":";
        if (!detail.startsWith(prefix)) {
            return 0;
        }
        int end = prefix.length();
        while (end < detail.length() && Character.isDigit(detail.charAt(end))) {
            end++;
        }
        return end == prefix.length() ? 0 : Integer.parseInt(detail.substring(prefix.length(), end));
    }

    private static String schemeOf(String uri) {
        UriParts parts = UriParts.parse(uri);
        return parts == null ? null : parts.scheme();
    }

    private static List<CheckResult> readGrants(FerryConfig config) {
        try {
            return CommerceReadGrants.check(config);
        } catch (RuntimeException | LinkageError e) {
            return List.of(CheckResult.fail(Area.CONNECTION, CommerceReadGrants.WHAT, ConnectionChecks.rootMessage(e), e));
        }
    }

    private CheckResult guarded(String what, java.util.function.Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.fail(Area.CONNECTION, what, ConnectionChecks.rootMessage(e), e);
        }
    }
}

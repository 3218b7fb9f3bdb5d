package dev.ferry.app.check;

import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.app.runtime.FerryRuntime;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RoutePolicySupport;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Hands the routes to Camel itself, so whatever the walker does not know about is still caught, in Camel's words:
 * Camel's YAML routes loader reads every file into one {@link DefaultCamelContext} (so routes may refer to each
 * other across files), each fixed endpoint URI is resolved, and the context is initialised, which builds every
 * route, processor and consumer. The context is never started: no route runs, nothing listens, nothing is sent.
 */
final class CamelLoadCheck {

    static final String WHAT = "camel";

    private CamelLoadCheck() {
    }

    /**
     * @param files      the files the walker found valid
     * @param endpoints  their fixed endpoints that passed the endpoint checks
     * @param properties what Camel's property placeholders resolve against
     */
    static List<CheckResult> check(List<RouteFile> files, List<EndpointUse> endpoints, Properties properties) {
        List<CheckResult> results = new ArrayList<>();
        if (files.isEmpty()) {
            return results;
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(properties);
            // What `ferry run` provides to routes by name. Only the name matters to loading them; leading the
            // cluster takes the state database, which a check does not join.
            context.getRegistry().bind(FerryRuntime.LEADER_POLICY, new RoutePolicySupport() { });
            RoutesLoader loader = PluginHelper.getRoutesLoader(context);
            for (RouteFile file : files) {
                Resource resource = ResourceHelper.fromString(file.location(), file.content());
                try {
                    loader.loadRoutes(resource);
                } catch (Exception | LinkageError e) {
                    results.add(CheckResult.fail(Area.ROUTES, WHAT, located(file, e), e));
                }
            }
            if (!results.isEmpty()) {
                return results;
            }
            for (EndpointUse use : endpoints) {
                try {
                    context.getEndpoint(withParameters(use));
                } catch (Exception e) {
                    results.add(CheckResult.fail(Area.ROUTES, WHAT, use.source() + ": " + camelMessage(e), e));
                }
            }
            if (!results.isEmpty()) {
                return results;
            }
            int routes = context.getRouteDefinitions().size();
            try {
                context.init();
            } catch (Exception | LinkageError e) {
                results.add(CheckResult.fail(Area.ROUTES, WHAT, where(e, context, files) + camelMessage(e), e));
                return results;
            }
            results.add(CheckResult.ok(Area.ROUTES, WHAT, routes + (routes == 1 ? " route" : " routes") + " from "
                    + files.size() + (files.size() == 1 ? " file" : " files") + " load and initialise in Camel "
                    + "(not started)"));
        } catch (Exception | LinkageError e) {
            results.add(CheckResult.fail(Area.ROUTES, WHAT, "Camel could not be set up to load the routes: "
                    + camelMessage(e), e));
        }
        return results;
    }

    /** The endpoint URI with the route's {@code parameters:} appended, as Camel's YAML loader builds it. */
    static String withParameters(EndpointUse use) {
        if (use.options().isEmpty()) {
            return use.uri();
        }
        String query = use.options().entrySet().stream()
                .map(e -> e.getKey() + "=RAW(" + e.getValue().value() + ")")
                .collect(Collectors.joining("&"));
        return use.uri() + (use.uri().contains("?") ? "&" : "?") + query;
    }

    /** {@code "routes/x.yaml:12: problem"} when Camel's YAML loader marked the line, else {@code "routes/x.yaml: message"}. */
    static String located(RouteFile file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().or(marked::getContextMark).isPresent()) {
                int line = marked.getProblemMark().or(marked::getContextMark).get().getLine() + 1;
                String problem = marked.getProblem() != null ? marked.getProblem() : CheckResult.oneLine(marked.getMessage());
                return file.name() + ":" + line + ": " + problem;
            }
        }
        return file.name() + ": " + camelMessage(e);
    }

    /** {@code "routes/x.yaml:3: route 'orders': "} for a failure Camel ties to a route; nothing otherwise. */
    private static String where(Throwable e, DefaultCamelContext context, List<RouteFile> files) {
        String routeId = null;
        for (Throwable t = e; t != null && routeId == null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException created) {
                routeId = created.getRouteId();
            } else if (t instanceof FailedToStartRouteException started) {
                routeId = started.getRouteId();
            }
        }
        if (routeId == null) {
            return "";
        }
        for (RouteDefinition route : context.getRouteDefinitions()) {
            if (routeId.equals(route.getRouteId()) && route.getResource() != null) {
                String location = route.getResource().getLocation();
                for (RouteFile file : files) {
                    if (file.location().equals(location)) {
                        int line = route.getLineNumber();
                        return file.name() + (line > 0 ? ":" + line : "") + ": route '" + routeId + "': ";
                    }
                }
            }
        }
        return "route '" + routeId + "': ";
    }

    /**
     * Camel's message on one line. A YAML error from Camel's loader carries a mark, which becomes the line number;
     * a failure to build a route is told by its cause, which says what is wrong rather than where.
     */
    static String camelMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked) {
                String line = marked.getProblemMark().or(marked::getContextMark)
                        .map(m -> "line " + (m.getLine() + 1) + ": ").orElse("");
                String problem = marked.getProblem() != null ? marked.getProblem() : CheckResult.oneLine(marked.getMessage());
                return line + problem;
            }
        }
        Throwable shown = e;
        while ((shown instanceof FailedToCreateRouteException || shown instanceof FailedToStartRouteException
                || blank(shown.getMessage()) || shown.getMessage().startsWith("Error loading routes"))
                && shown.getCause() != null && shown.getCause() != shown) {
            shown = shown.getCause();
        }
        String message = CheckResult.oneLine(String.valueOf(shown.getMessage()));
        // "... on: org.apache.camel.reifier.LogReifier@324a0017" names an object, not the route: drop it
        message = message.replaceAll("\\s+on: [\\w.$]+@[0-9a-f]+$", "");
        return blank(message) || "null".equals(message) ? shown.getClass().getSimpleName() : message;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Properties properties(Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }
}

package dev.ferry.app.check;

import dev.ferry.app.check.CheckResult.Area;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the endpoint URIs the walker found: the scheme names a component on the class path (else the nearest
 * one is named), the path is one the component offers when it lists them, and every option is one the endpoint
 * declares (else the nearest declared option is named). Parts that hold a placeholder the config cannot resolve,
 * or that Camel computes per message, are left to run time.
 */
final class EndpointCheck {

    static final String WHAT = "routes";

    private final ComponentCatalog catalog;
    private final UriParts.Resolver placeholders;

    EndpointCheck(ComponentCatalog catalog, UriParts.Resolver placeholders) {
        this.catalog = catalog;
        this.placeholders = placeholders;
    }

    /** The problems with one endpoint; empty when it is fine. */
    List<CheckResult> check(EndpointUse use) {
        List<CheckResult> failures = new ArrayList<>();
        String uri = placeholders.resolve(use.uri());
        UriParts parts = UriParts.parse(uri);
        if (parts == null) {
            // a scheme that is a placeholder or computed per message (${...}) is not this check's to judge
            if (!UriParts.Resolver.unresolved(uri) && !uri.contains("${")) {
                failures.add(fail(use.source(), "'" + use.uri() + "' is not an endpoint URI (component:path, e.g. aep:edge)"));
            }
            return failures;
        }
        String scheme = parts.scheme();
        if (!catalog.has(scheme)) {
            failures.add(fail(use.source(), "unknown component '" + scheme + "' in '" + use.uri() + "'"
                    + Nearest.suggestion(scheme, catalog.schemes())));
            return failures;
        }
        if (use.dynamic()) {
            return failures;
        }
        ComponentCatalog.Options options = catalog.options(scheme);
        if (options == null || options.lenient()) {
            return failures;
        }
        String path = parts.path();
        if (!options.pathValues().isEmpty() && !path.isEmpty() && !UriParts.Resolver.unresolved(path)
                && !options.pathValues().contains(path)) {
            failures.add(fail(use.source(), "unknown " + scheme + ":" + path + " (" + options.pathName() + " must be one of "
                    + String.join(", ", options.pathValues()) + ")" + Nearest.to(path, options.pathValues())
                    .map(n -> "; did you mean '" + scheme + ":" + n + "'?").orElse("")));
        }
        String endpoint = scheme + ":" + path;
        for (String option : parts.options().keySet()) {
            if (!UriParts.Resolver.unresolved(option) && !options.accepts(option)) {
                failures.add(fail(use.source(), unknownOption(option, endpoint, options)));
            }
        }
        use.options().forEach((option, located) -> {
            if (!options.accepts(option)) {
                failures.add(fail(located.source(), unknownOption(option, endpoint, options)));
            }
        });
        return failures;
    }

    private static String unknownOption(String option, String endpoint, ComponentCatalog.Options options) {
        return "unknown option '" + option + "' of " + endpoint + Nearest.suggestion(option, options.names());
    }

    private static CheckResult fail(String source, String message) {
        return CheckResult.fail(Area.ROUTES, WHAT, source + ": " + message);
    }
}

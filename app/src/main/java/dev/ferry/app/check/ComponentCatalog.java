package dev.ferry.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Camel components on the class path, found the way Camel finds them: one file per scheme under
 * {@code META-INF/services/org/apache/camel/component/}, naming the component class. For each it knows the
 * endpoint options: for Ferry's components from the {@code @UriPath}/{@code @UriParam} fields of the endpoint
 * class (where each option is declared once, as {@code ComponentOptionsDoc} reads them), for Camel's own from the
 * JSON metadata Camel's build writes into each component jar.
 */
final class ComponentCatalog {

    static final String SERVICES = "META-INF/services/org/apache/camel/component/";

    private final ClassLoader loader;
    /** scheme -> component class name */
    private final Map<String, String> components;
    private final Map<String, Options> options = new HashMap<>();

    private ComponentCatalog(ClassLoader loader, Map<String, String> components) {
        this.loader = loader;
        this.components = Collections.unmodifiableMap(components);
    }

    static ComponentCatalog discover(ClassLoader loader) {
        Set<String> schemes = ClasspathListing.files(loader, SERVICES);
        Map<String, String> components = new TreeMap<>();
        for (String scheme : schemes) {
            String className = componentClass(loader, scheme);
            if (className != null) {
                components.put(scheme, className);
            }
        }
        return new ComponentCatalog(loader, components);
    }

    Set<String> schemes() {
        return components.keySet();
    }

    boolean has(String scheme) {
        return components.containsKey(scheme);
    }

    /** The endpoint options of a component, or null when nothing says what they are. */
    synchronized Options options(String scheme) {
        if (!components.containsKey(scheme)) {
            return null;
        }
        return options.computeIfAbsent(scheme, s -> {
            Options found = isFerry(s) ? fromAnnotations(s) : fromJson(s);
            if (found == null) {
                found = isFerry(s) ? fromJson(s) : fromAnnotations(s);
            }
            return found;
        });
    }

    boolean isFerry(String scheme) {
        String className = components.get(scheme);
        return className != null && className.startsWith("dev.ferry.");
    }

    /**
     * What an endpoint accepts.
     *
     * @param names        option names
     * @param prefixes     prefixes of multi-value options ({@code prefix.anything=value})
     * @param pathName     the name of the single path parameter, or null
     * @param pathValues   the values that path parameter may take, empty when any
     * @param lenient      the component accepts options it does not declare (e.g. HTTP query parameters)
     */
    record Options(Set<String> names, Set<String> prefixes, String pathName, List<String> pathValues, boolean lenient) {

        boolean accepts(String option) {
            return names.stream().anyMatch(n -> n.equalsIgnoreCase(option))
                    || prefixes.stream().anyMatch(option::startsWith);
        }
    }

    private Options fromAnnotations(String scheme) {
        Class<?> endpoint = endpointClass(scheme);
        if (endpoint == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        List<String[]> paths = new ArrayList<>();
        collect(endpoint, "", names, prefixes, paths, new LinkedHashSet<>());
        String pathName = paths.size() == 1 ? paths.get(0)[0] : null;
        List<String> pathValues = paths.size() == 1 && !paths.get(0)[1].isBlank()
                ? Arrays.stream(paths.get(0)[1].split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()
                : List.of();
        UriEndpoint annotation = endpoint.getAnnotation(UriEndpoint.class);
        boolean lenient = annotation != null && annotation.lenientProperties();
        return new Options(Collections.unmodifiableSet(names), Collections.unmodifiableSet(prefixes), pathName,
                pathValues, lenient);
    }

    /** Fields of the class and its superclasses (Camel's own DefaultEndpoint declares a few options too). */
    private static void collect(Class<?> type, String prefix, Set<String> names, Set<String> prefixes,
                                List<String[]> paths, Set<Class<?>> visited) {
        if (!visited.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                UriPath path = field.getAnnotation(UriPath.class);
                UriParam param = field.getAnnotation(UriParam.class);
                UriParams nested = field.getAnnotation(UriParams.class);
                if (path != null) {
                    paths.add(new String[] {path.name().isEmpty() ? field.getName() : path.name(), path.enums()});
                } else if (param != null) {
                    String name = prefix + (param.name().isEmpty() ? field.getName() : param.name());
                    names.add(name);
                    if (param.multiValue() && !param.prefix().isEmpty()) {
                        prefixes.add(param.prefix());
                    }
                } else if (nested != null) {
                    collect(field.getType(), prefix + nested.prefix(), names, prefixes, paths, visited);
                }
            }
        }
    }

    /**
     * The class annotated {@code @UriEndpoint(scheme = ...)} for the scheme, by the convention that
     * {@code FooComponent} makes {@code FooEndpoint}; null when that class does not exist or is not annotated so.
     */
    private Class<?> endpointClass(String scheme) {
        String component = components.get(scheme);
        List<String> candidates = new ArrayList<>();
        if (component.endsWith("Component")) {
            candidates.add(component.substring(0, component.length() - "Component".length()) + "Endpoint");
        }
        for (String candidate : candidates) {
            try {
                Class<?> type = Class.forName(candidate, false, loader);
                UriEndpoint annotation = type.getAnnotation(UriEndpoint.class);
                if (annotation != null && Arrays.stream(annotation.scheme().split(",")).map(String::strip)
                        .anyMatch(scheme::equals)) {
                    return type;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return null;
    }

    private Options fromJson(String scheme) {
        JsonNode json = json(scheme);
        if (json == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        List<String> pathNames = new ArrayList<>();
        List<String> pathValues = new ArrayList<>();
        json.path("properties").properties().forEach(e -> {
            JsonNode p = e.getValue();
            if ("path".equals(p.path("kind").asText())) {
                pathNames.add(e.getKey());
                p.path("enum").forEach(v -> pathValues.add(v.asText()));
            } else {
                names.add(e.getKey());
                if (p.path("multiValue").asBoolean(false) && !p.path("prefix").asText("").isEmpty()) {
                    prefixes.add(p.path("prefix").asText());
                }
            }
        });
        boolean lenient = json.path("component").path("lenientProperties").asBoolean(false);
        return new Options(Collections.unmodifiableSet(names), Collections.unmodifiableSet(prefixes),
                pathNames.size() == 1 ? pathNames.get(0) : null, pathNames.size() == 1 ? pathValues : List.of(), lenient);
    }

    private JsonNode json(String scheme) {
        String resource = "META-INF/org/apache/camel/component/" + scheme + "/" + scheme + ".json";
        URL url = loader.getResource(resource);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static String componentClass(ClassLoader loader, String scheme) {
        URL url = loader.getResource(SERVICES + scheme);
        if (url == null) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        String className = properties.getProperty("class");
        return className == null || className.isBlank() ? null : className.strip();
    }
}

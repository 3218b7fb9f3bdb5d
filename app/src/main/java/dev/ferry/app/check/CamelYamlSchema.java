package dev.ferry.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Camel's own JSON Schema of the YAML DSL, {@code schema/camelYamlDsl.json} in the camel-yaml-dsl jar: the one
 * description of every field a route may have, kept in step with Camel by Camel.
 */
final class CamelYamlSchema {

    static final String RESOURCE = "schema/camelYamlDsl.json";

    private static volatile CamelYamlSchema shared;

    private final JsonNode root;

    private CamelYamlSchema(JsonNode root) {
        this.root = root;
    }

    /** The schema on the class path, read once per JVM (it is 800 KB). */
    static CamelYamlSchema get() {
        CamelYamlSchema schema = shared;
        if (schema == null) {
            synchronized (CamelYamlSchema.class) {
                schema = shared;
                if (schema == null) {
                    schema = load(CamelYamlSchema.class.getClassLoader());
                    shared = schema;
                }
            }
        }
        return schema;
    }

    static CamelYamlSchema load(ClassLoader loader) {
        URL url = locate(loader);
        try (InputStream in = url.openStream()) {
            return new CamelYamlSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Camel's YAML DSL schema " + url, e);
        }
    }

    /** Prefers the copy in camel-yaml-dsl should another jar carry a file of the same name. */
    private static URL locate(ClassLoader loader) {
        try {
            Enumeration<URL> all = loader.getResources(RESOURCE);
            URL first = null;
            for (URL url : Collections.list(all)) {
                if (url.toString().contains("camel-yaml-dsl")) {
                    return url;
                }
                if (first == null) {
                    first = url;
                }
            }
            if (first == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (it comes with camel-yaml-dsl)");
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of one top-level entry of a routes file ({@code - route:}, {@code - from:}, {@code - beans:} …). */
    JsonNode entry() {
        return root.path("items");
    }

    /** The schema a {@code $ref} such as {@code #/items/definitions/org.apache.camel.model.ToDefinition} points to. */
    JsonNode resolve(String ref) {
        if (ref == null || !ref.startsWith("#")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    /** {@code org.apache.camel.model.ToDefinition} of {@code #/items/definitions/org.apache.camel.model.ToDefinition}. */
    static String definitionName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}

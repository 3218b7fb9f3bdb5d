package dev.ferry.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.check.CheckResult.Area;
import dev.ferry.app.check.SchemaShape.Kind;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one routes file into YAML nodes (which keep their line numbers) and walks them against Camel's YAML DSL
 * schema: a YAML syntax error names file:line:column, a field the schema does not have names the file, the line
 * and the nearest field it does have. On the way it collects the endpoint URIs and route ids for the later checks.
 */
final class RouteWalker {

    static final String WHAT = "routes";

    /** Definitions whose {@code uri} is a fixed endpoint. */
    private static final Set<String> STATIC_ENDPOINTS = Set.of(
            "org.apache.camel.model.FromDefinition",
            "org.apache.camel.dsl.yaml.deserializers.RouteFromDefinitionDeserializer",
            "org.apache.camel.dsl.yaml.deserializers.OutputAwareFromDefinition",
            "org.apache.camel.model.ToDefinition",
            "org.apache.camel.model.SagaActionUriDefinition");
    /** Definitions whose {@code uri} Camel computes per message; only the scheme is fixed. */
    private static final Set<String> DYNAMIC_ENDPOINTS = Set.of(
            "org.apache.camel.model.ToDynamicDefinition",
            "org.apache.camel.model.WireTapDefinition",
            "org.apache.camel.model.PollDefinition");
    private static final String ROUTE = "org.apache.camel.model.RouteDefinition";

    /** At most this many structural findings per file, so a badly broken file does not flood the terminal. */
    static final int MAX_FINDINGS = 20;

    private final CamelYamlSchema schema;

    RouteWalker(CamelYamlSchema schema) {
        this.schema = schema;
    }

    /** What the walk found in one file. */
    static final class FileReport {
        final RouteFile file;
        final List<CheckResult> failures = new ArrayList<>();
        final List<EndpointUse> endpoints = new ArrayList<>();
        /** Each route id with its file:line, in file order (an id may repeat; the caller reports that). */
        final List<Map.Entry<String, String>> routeIds = new ArrayList<>();
        int routes;
        /** The file defines route templates, whose {{parameters}} only exist once a route is made from them. */
        boolean templates;
        /** The file is a Kubernetes-style resource (Integration, Pipe, Kamelet); only Camel's loader checks it. */
        boolean notWalked;

        FileReport(RouteFile file) {
            this.file = file;
        }

        boolean valid() {
            return failures.isEmpty();
        }
    }

    FileReport walk(RouteFile file) {
        FileReport report = new FileReport(file);
        LoadSettings settings = LoadSettings.builder().setLabel(file.name()).build();
        List<Node> documents = new ArrayList<>();
        try {
            for (Node document : new Compose(settings).composeAllFromString(file.content())) {
                documents.add(document);
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String where = mark.map(m -> file.name() + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    .orElse(file.name());
            String problem = e.getProblem() != null ? e.getProblem() : CheckResult.oneLine(e.getMessage());
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            report.failures.add(CheckResult.fail(Area.ROUTES, WHAT, where + ": YAML syntax error: " + problem + context, e));
            return report;
        } catch (YamlEngineException e) {
            report.failures.add(CheckResult.fail(Area.ROUTES, WHAT, file.name() + ": YAML error: "
                    + CheckResult.oneLine(String.valueOf(e.getMessage())), e));
            return report;
        }
        for (Node document : documents) {
            walkDocument(report, document);
        }
        return report;
    }

    private void walkDocument(FileReport report, Node document) {
        if (isNull(document)) {
            return;
        }
        if (document instanceof MappingNode mapping && (key(mapping, "apiVersion") != null || key(mapping, "kind") != null)) {
            report.notWalked = true;
            return;
        }
        if (!(document instanceof SequenceNode sequence)) {
            fail(report, document, "a routes file is a YAML list of entries such as '- route:'; this is "
                    + describe(document));
            return;
        }
        List<JsonNode> entry = List.of(schema.entry());
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    String k = scalar(tuple.getKeyNode());
                    if ("route".equals(k) || "from".equals(k)) {
                        report.routes++;
                    } else if ("routeTemplate".equals(k) || "templatedRoute".equals(k)) {
                        report.templates = true;
                    }
                }
            }
            walk(report, item, entry, null);
        }
    }

    private void walk(FileReport report, Node node, List<JsonNode> schemas, String field) {
        if (report.failures.size() >= MAX_FINDINGS) {
            return;
        }
        SchemaShape shape = SchemaShape.of(schema, schemas);
        collect(report, node, shape);
        if (shape.unconstrained() || isNull(node)) {
            return;
        }
        Kind kind = kindOf(node);
        if (!shape.accepts(kind)) {
            fail(report, node, (field == null ? "this entry" : "'" + field + "'") + " must be " + expected(shape)
                    + ", not " + describe(node));
            return;
        }
        if (node instanceof MappingNode mapping && shape.accepts(Kind.MAPPING)) {
            walkMapping(report, mapping, shape, field);
        } else if (node instanceof SequenceNode sequence && !shape.items.isEmpty()) {
            for (Node item : sequence.getValue()) {
                walk(report, item, shape.items, field);
            }
        }
    }

    private void walkMapping(FileReport report, MappingNode mapping, SchemaShape shape, String field) {
        Map<String, Node> seen = new HashMap<>();
        List<String> known = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = scalar(keyNode);
            if (key == null) {
                fail(report, keyNode, "a field name must be a plain word, not " + describe(keyNode));
                continue;
            }
            Node earlier = seen.put(key, keyNode);
            if (earlier != null) {
                fail(report, keyNode, "field '" + key + "' is written twice (also on line " + line(earlier) + ")");
                continue;
            }
            if (!shape.open && !shape.properties.containsKey(key)) {
                fail(report, keyNode, "unknown field '" + key + "'" + Nearest.suggestion(key, shape.properties.keySet()));
                continue;
            }
            known.add(key);
            List<JsonNode> sub = shape.property(key);
            if (!sub.isEmpty()) {
                walk(report, tuple.getValueNode(), sub, key);
            }
        }
        if (shape.singleKey && known.size() > 1 && !shape.open) {
            Node second = seen.get(known.get(1));
            fail(report, second, "'" + known.get(0) + "' and '" + known.get(1) + "' are in one list entry; "
                    + "start each with its own '- ' (check the indentation)");
        }
        if (!shape.open && !shape.required.isEmpty()) {
            for (String required : shape.required) {
                if (!seen.containsKey(required) && shape.properties.containsKey(required)) {
                    fail(report, mapping, (field == null ? "missing field '" : "'" + field + "' is missing the field '")
                            + required + "'");
                }
            }
        }
    }

    /** Records endpoint URIs and route ids as the walk passes them. */
    private static void collect(FileReport report, Node node, SchemaShape shape) {
        boolean isStatic = shape.definitions.stream().anyMatch(STATIC_ENDPOINTS::contains);
        boolean isDynamic = !isStatic && shape.definitions.stream().anyMatch(DYNAMIC_ENDPOINTS::contains);
        if (isStatic || isDynamic) {
            if (node instanceof ScalarNode s && !isNull(s)) {
                report.endpoints.add(new EndpointUse(where(report, s), s.getValue(), isDynamic, Map.of()));
            } else if (node instanceof MappingNode m && key(m, "uri") instanceof ScalarNode uri && !isNull(uri)) {
                Map<String, EndpointUse.Located> options = new LinkedHashMap<>();
                if (key(m, "parameters") instanceof MappingNode parameters) {
                    for (NodeTuple t : parameters.getValue()) {
                        String name = scalar(t.getKeyNode());
                        if (name != null) {
                            String value = t.getValueNode() instanceof ScalarNode v ? v.getValue() : "";
                            options.put(name, new EndpointUse.Located(value, where(report, t.getKeyNode())));
                        }
                    }
                }
                report.endpoints.add(new EndpointUse(where(report, uri), uri.getValue(), isDynamic, options));
                if (!options.isEmpty() && uri.getValue().contains("?")) {
                    fail(report, uri, "the uri has options after '?' and 'parameters' has more; Camel takes them in "
                            + "one place only: move them into 'parameters'");
                }
            }
        }
        if (shape.definitions.contains(ROUTE) && node instanceof MappingNode m
                && key(m, "id") instanceof ScalarNode id && !isNull(id)) {
            report.routeIds.add(Map.entry(id.getValue(), where(report, id)));
        }
    }

    private static void fail(FileReport report, Node node, String message) {
        if (report.failures.size() < MAX_FINDINGS) {
            report.failures.add(CheckResult.fail(Area.ROUTES, WHAT, where(report, node) + ": " + message));
        }
    }

    private static String where(FileReport report, Node node) {
        return report.file.name() + ":" + line(node);
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static Node key(MappingNode mapping, String name) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (name.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static Kind kindOf(Node node) {
        if (node instanceof MappingNode) {
            return Kind.MAPPING;
        }
        return node instanceof SequenceNode ? Kind.LIST : Kind.SCALAR;
    }

    private static String describe(Node node) {
        return switch (kindOf(node)) {
            case MAPPING -> "a mapping (field: value)";
            case LIST -> "a list (- item)";
            case SCALAR -> "a single value";
        };
    }

    private static String expected(SchemaShape shape) {
        List<String> names = new ArrayList<>();
        if (shape.kinds.contains(Kind.LIST)) {
            names.add("a list (- item)");
        }
        if (shape.kinds.contains(Kind.MAPPING)) {
            names.add("a mapping (field: value)");
        }
        if (shape.kinds.contains(Kind.SCALAR)) {
            names.add("a single value");
        }
        return String.join(" or ", names);
    }
}

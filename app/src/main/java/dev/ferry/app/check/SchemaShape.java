package dev.ferry.app.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the schema allows at one YAML node: the union of every alternative reached through {@code $ref},
 * {@code oneOf}, {@code anyOf} and {@code allOf}. The walker checks a node against this union, which is what a
 * reader of the schema means by "the fields allowed here"; the choice between alternatives is left to Camel's
 * own loader.
 */
final class SchemaShape {

    enum Kind { MAPPING, LIST, SCALAR }

    private static final Set<String> COMPOSITION = Set.of("$ref", "oneOf", "anyOf", "allOf", "not");
    private static final Set<String> CONSTRAINING = Set.of("type", "properties", "items", "enum", "$ref", "oneOf",
            "anyOf", "allOf", "not", "additionalProperties", "required", "maxProperties");

    /** Definitions reached through $ref, e.g. org.apache.camel.model.ToDefinition. */
    final Set<String> definitions = new LinkedHashSet<>();
    final Set<Kind> kinds = new HashSet<>();
    /** Some alternative accepts anything ({@code {}}). */
    boolean any;
    /** Some alternative is a mapping that accepts keys it does not list, e.g. {@code parameters: {type: object}}. */
    boolean open;
    /** One key per mapping, as in a list of steps: {@code maxProperties: 1}. */
    boolean singleKey;
    final Map<String, List<JsonNode>> properties = new LinkedHashMap<>();
    final List<JsonNode> items = new ArrayList<>();
    /** Fields the mapping form must have (only from the schema of the node itself, never from one alternative). */
    final Set<String> required = new LinkedHashSet<>();

    static SchemaShape of(CamelYamlSchema schema, List<JsonNode> alternatives) {
        SchemaShape shape = new SchemaShape();
        for (JsonNode alternative : alternatives) {
            shape.add(schema, alternative, true, new HashSet<>());
        }
        return shape;
    }

    /** Nothing to check: the schema does not describe this node. */
    boolean unconstrained() {
        return any || kinds.isEmpty() && properties.isEmpty() && items.isEmpty();
    }

    boolean accepts(Kind kind) {
        return any || kinds.isEmpty() || kinds.contains(kind);
    }

    /** The schemas of one field: every alternative's, leaving out the empty ones that only list a name. */
    List<JsonNode> property(String name) {
        return properties.getOrDefault(name, List.of()).stream().filter(s -> s.size() > 0).toList();
    }

    private void add(CamelYamlSchema schema, JsonNode node, boolean own, Set<String> visited) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.size() == 0 || !hasAny(node, CONSTRAINING)) {
            any = true;
            return;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && visited.add(ref.asText())) {
            definitions.add(CamelYamlSchema.definitionName(ref.asText()));
            add(schema, schema.resolve(ref.asText()), own, visited);
        }
        JsonNode type = node.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> addType(t.asText()));
            } else {
                addType(type.asText());
            }
        } else if (node.has("properties")) {
            kinds.add(Kind.MAPPING);
        } else if (node.has("items")) {
            kinds.add(Kind.LIST);
        } else if (node.has("enum")) {
            kinds.add(Kind.SCALAR);
        }
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            props.properties().forEach(e -> properties.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue()));
        }
        JsonNode itemSchema = node.get("items");
        if (itemSchema != null && itemSchema.isObject()) {
            items.add(itemSchema);
        }
        boolean mapping = type != null ? "object".equals(type.asText()) : props != null;
        JsonNode additional = node.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.asBoolean();
        if (mapping && !closed && props == null && !hasAny(node, COMPOSITION)) {
            open = true;
        }
        if (additional != null && additional.isObject()) {
            open = true;
        }
        JsonNode max = node.get("maxProperties");
        if (max != null && max.asInt() == 1) {
            singleKey = true;
        }
        JsonNode req = node.get("required");
        if (own && req != null && req.isArray()) {
            req.forEach(r -> required.add(r.asText()));
        }
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode branches = node.get(composition);
            if (branches != null && branches.isArray()) {
                branches.forEach(b -> add(schema, b, false, visited));
            }
        }
    }

    private void addType(String type) {
        switch (type) {
            case "object" -> kinds.add(Kind.MAPPING);
            case "array" -> kinds.add(Kind.LIST);
            default -> kinds.add(Kind.SCALAR);
        }
    }

    private static boolean hasAny(JsonNode node, Set<String> names) {
        for (String name : names) {
            if (node.has(name)) {
                return true;
            }
        }
        return false;
    }
}

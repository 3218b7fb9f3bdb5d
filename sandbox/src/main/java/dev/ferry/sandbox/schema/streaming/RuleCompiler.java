package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a draft-7 schema into {@link Rule}s, or refuses it with {@link UnsupportedSchema} when it uses a keyword,
 * a type or a {@code $ref} the rules do not cover: the check must never prove valid what the full validator would
 * refuse, so it knows exactly the keywords the XDM schemas use and nothing more.
 */
final class RuleCompiler {

    /** Keywords that assert nothing, wherever they are. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "readOnly", "writeOnly");
    private static final Map<String, Set<String>> KEYWORDS_BY_TYPE = Map.of(
            "object", Set.of("type", "properties", "required", "additionalProperties"),
            "array", Set.of("type", "items", "minItems", "maxItems"),
            "string", Set.of("type", "minLength", "maxLength", "pattern", "format", "enum"),
            "number", Set.of("type", "minimum", "maximum"),
            "integer", Set.of("type", "minimum", "maximum"),
            "boolean", Set.of("type"));
    private static final String DEFINITIONS = "#/definitions/";

    private final JsonNode document;
    private final Map<String, Predicate<String>> formats;
    private final ObjectMapper mapper;
    /** The definitions being compiled, to refuse a schema that refers to itself rather than recurse forever. */
    private final Set<String> resolving = new HashSet<>();

    RuleCompiler(JsonNode document, Map<String, Predicate<String>> formats, ObjectMapper mapper) {
        this.document = document;
        this.formats = formats;
        this.mapper = mapper;
    }

    /** The root's rule, an object whose result holds the {@code kept} parts of a valid record. */
    ObjectRule compileRoot(List<JsonPointer> kept) throws UnsupportedSchema {
        Set<String> unknown = assertions(document);
        unknown.remove("definitions");
        unknown.removeAll(KEYWORDS_BY_TYPE.get("object"));
        if (!"object".equals(document.path("type").asText()) || !unknown.isEmpty()) {
            throw new UnsupportedSchema("the root is not an object, or has keywords " + unknown);
        }
        return compileObject(document, kept, true);
    }

    private Rule compile(JsonNode schema, List<JsonPointer> kept) throws UnsupportedSchema {
        if (!schema.isObject()) {
            throw new UnsupportedSchema("a schema that is not an object: " + schema);
        }
        Set<String> keywords = assertions(schema);
        if (keywords.contains("$ref")) {
            return compileReference(schema, keywords, kept);
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isTextual() || !KEYWORDS_BY_TYPE.containsKey(type.asText())) {
            throw new UnsupportedSchema("type " + type);
        }
        Set<String> unknown = new HashSet<>(keywords);
        unknown.removeAll(KEYWORDS_BY_TYPE.get(type.asText()));
        if (!unknown.isEmpty()) {
            throw new UnsupportedSchema("keywords " + unknown + " on a " + type.asText());
        }
        if (!kept.isEmpty() && !"object".equals(type.asText())) {
            throw new UnsupportedSchema("kept parts " + kept + " are inside a " + type.asText());
        }
        return switch (type.asText()) {
            case "object" -> compileObject(schema, kept, false);
            case "array" -> new ArrayRule(compile(present(schema, "items"), List.of()),
                    count(schema, "minItems", 0), count(schema, "maxItems", Integer.MAX_VALUE));
            case "string" -> compileString(schema);
            case "boolean" -> new BooleanRule();
            default -> new NumberRule("integer".equals(type.asText()), limit(schema, "minimum", Double.NEGATIVE_INFINITY),
                    limit(schema, "maximum", Double.POSITIVE_INFINITY));
        };
    }

    private Rule compileReference(JsonNode schema, Set<String> keywords, List<JsonPointer> kept)
            throws UnsupportedSchema {
        String reference = schema.get("$ref").asText();
        if (keywords.size() > 1 || !reference.startsWith(DEFINITIONS)) {
            throw new UnsupportedSchema("$ref " + reference + " with " + keywords);
        }
        String name = reference.substring(DEFINITIONS.length());
        JsonNode target = document.path("definitions").get(name);
        if (target == null || !resolving.add(name)) {
            throw new UnsupportedSchema("$ref " + reference + " is missing or refers to itself");
        }
        try {
            return compile(target, kept);
        } finally {
            resolving.remove(name);
        }
    }

    private ObjectRule compileObject(JsonNode schema, List<JsonPointer> kept, boolean root)
            throws UnsupportedSchema {
        JsonNode declared = schema.path("properties");
        if (declared.size() > ObjectRule.MAX_PROPERTIES) {
            throw new UnsupportedSchema(declared.size() + " properties in one object");
        }
        Map<String, List<JsonPointer>> keptBelow = keptByProperty(kept);
        Map<String, ObjectRule.Property> properties = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = declared.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<JsonPointer> below = keptBelow.remove(field.getKey());
            boolean whole = below != null && below.stream().anyMatch(JsonPointer::matches);
            Rule rule = compile(field.getValue(), below == null || whole ? List.of() : below);
            properties.put(field.getKey(), new ObjectRule.Property(properties.size(), rule, whole));
        }
        long requiredMask = 0;
        for (JsonNode name : schema.path("required")) {
            ObjectRule.Property property = properties.get(name.asText());
            if (property == null) {
                // Required yet undeclared: left to the full validator rather than judged here.
                throw new UnsupportedSchema("required key " + name + " is not declared");
            }
            requiredMask |= 1L << property.index();
        }
        Rule additional = additional(schema);
        if (!keptBelow.isEmpty() && additional != null) {
            throw new UnsupportedSchema("kept keys " + keptBelow.keySet() + " may come as undeclared keys");
        }
        boolean holdsKept = root || !kept.isEmpty();
        return new ObjectRule(properties, requiredMask, additional, holdsKept);
    }

    /** The schema's keywords but its annotations. */
    private static Set<String> assertions(JsonNode schema) {
        Set<String> keywords = new HashSet<>();
        schema.fieldNames().forEachRemaining(name -> {
            if (!ANNOTATIONS.contains(name)) {
                keywords.add(name);
            }
        });
        return keywords;
    }

    private Rule additional(JsonNode schema) throws UnsupportedSchema {
        JsonNode additional = schema.get("additionalProperties");
        if (additional == null || additional.isBoolean() && additional.asBoolean()) {
            return new AnyRule(mapper);
        }
        return additional.isBoolean() ? null : compile(additional, List.of());
    }

    private static Map<String, List<JsonPointer>> keptByProperty(List<JsonPointer> kept) {
        Map<String, List<JsonPointer>> byProperty = new LinkedHashMap<>();
        for (JsonPointer pointer : kept) {
            byProperty.computeIfAbsent(pointer.getMatchingProperty(), name -> new ArrayList<>()).add(pointer.tail());
        }
        return byProperty;
    }

    private StringRule compileString(JsonNode schema) throws UnsupportedSchema {
        Pattern pattern = null;
        if (schema.has("pattern")) {
            try {
                pattern = Pattern.compile(schema.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new UnsupportedSchema("pattern " + schema.get("pattern"));
            }
        }
        Predicate<String> format = null;
        if (schema.has("format")) {
            format = formats.get(schema.get("format").asText());
            if (format == null) {
                throw new UnsupportedSchema("format " + schema.get("format"));
            }
        }
        Set<String> allowed = null;
        if (schema.has("enum")) {
            allowed = new HashSet<>();
            for (JsonNode value : schema.get("enum")) {
                if (!value.isTextual()) {
                    throw new UnsupportedSchema("enum value " + value + " of a string");
                }
                allowed.add(value.asText());
            }
        }
        return new StringRule(count(schema, "minLength", 0), count(schema, "maxLength", Integer.MAX_VALUE), pattern,
                format, allowed);
    }

    private static JsonNode present(JsonNode schema, String keyword) throws UnsupportedSchema {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            throw new UnsupportedSchema("no " + keyword);
        }
        return value;
    }

    private static int count(JsonNode schema, String keyword, int absent) throws UnsupportedSchema {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.canConvertToExactIntegral() || value.asInt() < 0) {
            throw new UnsupportedSchema(keyword + " " + value);
        }
        return value.asInt();
    }

    private static double limit(JsonNode schema, String keyword, double absent) throws UnsupportedSchema {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return absent;
        }
        if (!value.isNumber() || value.isBigDecimal() || value.isBigInteger()) {
            throw new UnsupportedSchema(keyword + " " + value);
        }
        return value.asDouble();
    }
}

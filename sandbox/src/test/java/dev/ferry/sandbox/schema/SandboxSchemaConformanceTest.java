package dev.ferry.sandbox.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SampleEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that the sandbox's schema never accepts an event that AEP's dataset (the compatibility-mode schema
 * composed from Adobe's XDM field groups, in {@code ferry.shared.dir}) would reject: every property path of the
 * sandbox schema exists there, with the same type, format, enum, pattern and bounds or stricter ones, and every
 * sandbox object is closed.
 */
class SandboxSchemaConformanceTest {

    private static final String COMPAT = "xdm/compat/commerce-experienceevent.schema.json";
    private static final Set<String> UNDERSTOOD_KEYWORDS = Set.of(
            "$schema", "$id", "$ref", "definitions", "title", "description",
            "type", "properties", "additionalProperties", "required", "items",
            "format", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems");
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "minLength", "minItems");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "maxLength", "maxItems");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode compat;
    private static JsonNode sandbox;

    @BeforeAll
    static void load() throws IOException {
        String sharedDir = System.getProperty("ferry.shared.dir");
        assertThat(sharedDir)
                .as("system property ferry.shared.dir (set by the parent pom) must point at the shared/ directory")
                .isNotBlank();
        Path compatFile = Path.of(sharedDir).resolve(COMPAT);
        assertThat(compatFile).as("the compatibility-mode XDM schema").isRegularFile();
        compat = JSON.readTree(Files.readAllBytes(compatFile));
        try (InputStream in = XdmSchema.class.getResourceAsStream(XdmSchema.BUILT_IN_RESOURCE)) {
            sandbox = JSON.readTree(in);
        }
    }

    @Test
    void everySandboxPathExistsInTheCompatSchemaWithIdenticalOrStricterConstraints() {
        assertThat(differences(sandbox, compat)).isEmpty();
    }

    @Test
    void sandboxSchemaUsesOnlyKeywordsThisCheckUnderstands() {
        List<String> unknown = new ArrayList<>();
        collectKeywords(sandbox, "$", unknown);
        assertThat(unknown).isEmpty();
    }

    @Test
    void sandboxSchemaRequiresWhatAepRequiresOfAnExperienceEvent() {
        assertThat(sandbox.get("required").toString()).isEqualTo("[\"_id\",\"timestamp\"]");
        assertThat(sandbox.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void checkCatchesAPropertyTheCompatSchemaLacks() {
        ObjectNode widened = sandbox.deepCopy();
        ((ObjectNode) widened.get("properties").get("commerce").get("properties"))
                .putObject("giftWrap").put("type", "boolean");

        assertThat(differences(widened, compat)).containsExactly("$.commerce.giftWrap: not in the compat schema");
    }

    @Test
    void checkCatchesALooserTypeAnOpenObjectAndAMissingFormat() {
        ObjectNode widened = sandbox.deepCopy();
        ObjectNode properties = (ObjectNode) widened.get("properties");
        ((ObjectNode) properties.get("eventMergeId")).put("type", "number");
        ((ObjectNode) properties.get("device")).remove("additionalProperties");
        ((ObjectNode) properties.get("timestamp")).remove("format");

        assertThat(differences(widened, compat)).containsExactlyInAnyOrder(
                "$.eventMergeId: type number, compat has string",
                "$.device: object is not closed (additionalProperties must be false)",
                "$.timestamp: format missing, compat has date-time");
    }

    @Test
    void eventsTheSandboxAcceptsTheCompatSchemaAcceptsToo() throws IOException {
        Path compatFile = Path.of(System.getProperty("ferry.shared.dir")).resolve(COMPAT);
        XdmSchema compatSchema = XdmSchema.fromFile(compatFile);
        XdmSchema sandboxSchema = XdmSchema.builtIn();
        for (JsonNode event : List.of(SampleEvents.productView("a"), SampleEvents.orderPlaced("b"))) {
            assertThat(sandboxSchema.validate(event).violations()).isEmpty();
            assertThat(compatSchema.validate(event).violations()).isEmpty();
        }
        assertThat(compatSchema.validate(SampleEvents.withUnknownKey("c")).paths()).containsExactly("$.commerce.giftWrap");
    }

    /** Every way the candidate schema is looser than, or absent from, the reference schema. */
    static List<String> differences(JsonNode candidateRoot, JsonNode referenceRoot) {
        List<String> problems = new ArrayList<>();
        compare("$", candidateRoot, candidateRoot, referenceRoot, referenceRoot, problems);
        return problems;
    }

    private static void compare(String path, JsonNode candidateRoot, JsonNode candidateNode,
            JsonNode referenceRoot, JsonNode referenceNode, List<String> problems) {
        JsonNode s = resolve(candidateRoot, candidateNode);
        JsonNode c = resolve(referenceRoot, referenceNode);
        compareType(path, s, c, problems);
        compareExact(path, "format", s, c, problems);
        compareExact(path, "pattern", s, c, problems);
        compareEnum(path, s, c, problems);
        LOWER_BOUNDS.forEach(k -> compareBound(path, k, s, c, true, problems));
        UPPER_BOUNDS.forEach(k -> compareBound(path, k, s, c, false, problems));
        compareRequired(path, s, c, problems);
        if ("object".equals(s.path("type").asText())) {
            compareObject(path, candidateRoot, s, referenceRoot, c, problems);
        }
        if (s.has("items")) {
            if (!c.has("items")) {
                problems.add(path + ": items, compat has no array items");
            } else {
                compare(path + "[]", candidateRoot, s.get("items"), referenceRoot, c.get("items"), problems);
            }
        } else if (c.has("items")) {
            problems.add(path + ": items missing, compat constrains array items");
        }
    }

    private static void compareObject(String path, JsonNode candidateRoot, JsonNode s,
            JsonNode referenceRoot, JsonNode c, List<String> problems) {
        JsonNode additional = s.get("additionalProperties");
        if (additional == null || (additional.isBoolean() && additional.asBoolean())) {
            problems.add(path + ": object is not closed (additionalProperties must be false)");
        } else if (additional.isObject()) {
            JsonNode referenceAdditional = c.get("additionalProperties");
            if (referenceAdditional == null || !referenceAdditional.isObject()) {
                problems.add(path + ": allows additional properties, compat does not");
            } else {
                compare(path + ".*", candidateRoot, additional, referenceRoot, referenceAdditional, problems);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String childPath = path + "." + property.getKey();
            JsonNode referenceChild = c.path("properties").get(property.getKey());
            if (referenceChild == null) {
                problems.add(childPath + ": not in the compat schema");
            } else {
                compare(childPath, candidateRoot, property.getValue(), referenceRoot, referenceChild, problems);
            }
        }
    }

    private static void compareType(String path, JsonNode s, JsonNode c, List<String> problems) {
        String referenceType = c.path("type").asText(null);
        if (referenceType == null) {
            return;
        }
        String candidateType = s.path("type").asText(null);
        boolean integerForNumber = "integer".equals(candidateType) && "number".equals(referenceType);
        if (!referenceType.equals(candidateType) && !integerForNumber) {
            problems.add(path + ": type " + candidateType + ", compat has " + referenceType);
        }
    }

    private static void compareExact(String path, String keyword, JsonNode s, JsonNode c, List<String> problems) {
        if (!c.has(keyword)) {
            return;
        }
        if (!s.has(keyword)) {
            problems.add(path + ": " + keyword + " missing, compat has " + c.get(keyword).asText());
        } else if (!s.get(keyword).equals(c.get(keyword))) {
            problems.add(path + ": " + keyword + " " + s.get(keyword).asText() + ", compat has " + c.get(keyword).asText());
        }
    }

    private static void compareEnum(String path, JsonNode s, JsonNode c, List<String> problems) {
        if (!c.has("enum")) {
            return;
        }
        Set<JsonNode> allowed = new HashSet<>();
        c.get("enum").forEach(allowed::add);
        if (!s.has("enum")) {
            problems.add(path + ": enum missing, compat allows only " + c.get("enum"));
            return;
        }
        s.get("enum").forEach(value -> {
            if (!allowed.contains(value)) {
                problems.add(path + ": enum value " + value + " not allowed by compat");
            }
        });
    }

    private static void compareBound(String path, String keyword, JsonNode s, JsonNode c, boolean lower,
            List<String> problems) {
        if (!c.has(keyword)) {
            return;
        }
        double reference = c.get(keyword).asDouble();
        if (!s.has(keyword)) {
            problems.add(path + ": " + keyword + " missing, compat has " + c.get(keyword));
            return;
        }
        double candidate = s.get(keyword).asDouble();
        if (lower ? candidate < reference : candidate > reference) {
            problems.add(path + ": " + keyword + " " + s.get(keyword) + " is looser than compat's " + c.get(keyword));
        }
    }

    private static void compareRequired(String path, JsonNode s, JsonNode c, List<String> problems) {
        Set<String> required = new HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        c.path("required").forEach(r -> {
            if (!required.contains(r.asText())) {
                problems.add(path + ": does not require " + r.asText() + ", compat does");
            }
        });
    }

    /** Follows local {@code #/definitions/...} references. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).as("only local references are supported").startsWith("#/");
            current = root.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("reference " + ref + " resolves").isFalse();
        }
        return current;
    }

    private static void collectKeywords(JsonNode node, String path, List<String> unknown) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!UNDERSTOOD_KEYWORDS.contains(key)) {
                unknown.add(path + ": " + key);
            }
            if ("properties".equals(key) || "definitions".equals(key)) {
                field.getValue().fields().forEachRemaining(
                        child -> collectKeywords(child.getValue(), path + "." + child.getKey(), unknown));
            } else if (("items".equals(key) || "additionalProperties".equals(key)) && field.getValue().isObject()) {
                collectKeywords(field.getValue(), path + "." + key, unknown);
            }
        }
    }
}

package dev.ferry.sandbox.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import dev.ferry.sandbox.schema.streaming.StreamingCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The closed JSON Schema that the sandbox's dataset enforces on every XDM event, as AEP enforces a dataset's XDM
 * schema: unknown keys, wrong types, bad formats and missing required fields are all rejected.
 *
 * <p>The schema is compiled once; validation is thread-safe and runs on the sandbox's worker threads.
 */
public final class XdmSchema {

    /** Ferry's own definition of the commerce ExperienceEvent the sandbox accepts by default. */
    public static final String BUILT_IN_RESOURCE = "/dev/ferry/sandbox/schema/commerce-experienceevent.schema.json";

    /** Enough to fix an event in one go, without letting one broken event produce a huge response. */
    static final int MAX_REPORTED_VIOLATIONS = 25;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Violation> BY_PATH =
            Comparator.comparing(Violation::path).thenComparing(Violation::keyword);

    private final JsonNode document;
    private final JsonSchema schema;
    private final Map<String, Format> formats = new HashMap<>();
    private final String source;

    private XdmSchema(JsonNode schemaDocument, String source) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                // the builder hands over the formats the validator will use, so the streaming check uses the same
                .formats(formats::putAll)
                .build();
        this.document = schemaDocument;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(draft7))
                .getSchema(schemaDocument, config);
        this.schema.initializeValidators();
        this.source = source;
    }

    public static XdmSchema builtIn() {
        try (InputStream in = XdmSchema.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in schema missing from the classpath: " + BUILT_IN_RESOURCE);
            }
            return new XdmSchema(JSON.readTree(in), "built-in " + BUILT_IN_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XdmSchema fromFile(Path file) {
        try {
            return new XdmSchema(JSON.readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }

    /** Where the schema came from, for logs and the inspection page. */
    public String source() {
        return source;
    }

    /**
     * A check that proves most valid records valid from their bytes, far faster than {@link #validate}, judging
     * formats with the same format rules; empty when this schema uses more of JSON Schema than it knows.
     *
     * @param kept JSON pointers to the parts of a record that the check returns for a valid one
     */
    public Optional<StreamingCheck> streamingCheck(List<String> kept) {
        // The formats read their settings from these contexts and change neither, so threads can share them.
        ExecutionContext execution = schema.createExecutionContext();
        ValidationContext validation = schema.getValidationContext();
        Map<String, Predicate<String>> tests = new HashMap<>();
        formats.forEach((name, format) -> tests.put(name,
                value -> format.matches(execution, validation, TextNode.valueOf(value))));
        return StreamingCheck.compile(document, tests, JSON, kept);
    }

    public ValidationResult validate(JsonNode xdm) {
        if (xdm == null || !xdm.isObject()) {
            return ValidationResult.invalid(new Violation("$", "type", "$: the XDM event must be a JSON object"));
        }
        Set<ValidationMessage> messages = schema.validate(xdm);
        if (messages.isEmpty()) {
            return ValidationResult.valid();
        }
        List<Violation> violations = messages.stream()
                .map(XdmSchema::toViolation)
                .sorted(BY_PATH)
                .limit(MAX_REPORTED_VIOLATIONS)
                .toList();
        return new ValidationResult(violations);
    }

    /** Names the exact path, down to the missing or unknown key, which the validator reports on the parent. */
    private static Violation toViolation(ValidationMessage m) {
        String location = m.getInstanceLocation().toString();
        String path = location;
        boolean namesChild = "required".equals(m.getType()) || "additionalProperties".equals(m.getType());
        if (namesChild && m.getProperty() != null) {
            path = location + "." + m.getProperty();
        }
        String message = m.getMessage();
        String prefix = location + ": ";
        String explanation = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return new Violation(path, m.getType(), path + ": " + explanation);
    }
}

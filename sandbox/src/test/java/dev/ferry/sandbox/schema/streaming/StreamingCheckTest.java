package dev.ferry.sandbox.schema.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SampleEvents;
import dev.ferry.sandbox.intake.EventFacts;
import dev.ferry.sandbox.schema.XdmSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the streaming check to its one promise: a record it proves valid, the full validator finds valid, and the
 * parts it keeps give the same facts as the whole record. Each schema's fullest record (every declared key, with a
 * valid value) is broken one key at a time in every way a value can be wrong; each sample event too.
 */
class StreamingCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values of every JSON type and of the edges the schemas' rules draw. */
    private static final List<JsonNode> WRONG_VALUES = Stream.of("null", "true", "0", "-1", "2", "2.0", "2.5",
                    "1e300", "12345678901234567890", "\"\"", "\"x\"", "\"US\"", "\"USD\"", "\"" + "é".repeat(300) + "\"",
                    "\"2026-13-45T25:00:00Z\"", "\"2026-11-24T10:00:00\"", "\"not an address@\"", "\"http://\"",
                    "\"::gg\"", "\"999.1.1.1\"", "\"\\uD83D\\uDE00\"", "{}", "[]", "[{}]", "[\"x\"]")
            .map(StreamingCheckTest::parse).toList();

    /** Each schema with its document, which the fullest record is generated from. */
    static Stream<Arguments> schemas() throws IOException {
        Path compat = Path.of(System.getProperty("ferry.shared.dir"))
                .resolve("xdm/compat/commerce-experienceevent.schema.json");
        try (InputStream builtIn = XdmSchema.class.getResourceAsStream(XdmSchema.BUILT_IN_RESOURCE)) {
            return Stream.of(Arguments.of(XdmSchema.builtIn(), JSON.readTree(builtIn)),
                    Arguments.of(XdmSchema.fromFile(compat), JSON.readTree(compat.toFile())));
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void aRecordProvenValidIsValidAndKeepsWhatItsFactsAreReadFrom(XdmSchema schema, JsonNode document) {
        StreamingCheck check = schema.streamingCheck(EventFacts.READ_FROM).orElseThrow();
        ObjectNode fullest = (ObjectNode) fullest(document, document);
        assertThat(schema.validate(fullest).messages()).as("the fullest record is valid").isEmpty();
        List<ObjectNode> records = new ArrayList<>(List.of(fullest,
                SampleEvents.productView("p-1"), SampleEvents.orderPlaced("o-1")));
        records.removeIf(record -> !schema.validate(record).isValid());

        for (ObjectNode record : records) {
            assertThat(check.provenValid(bytes(record), 0, bytes(record).length)).as("proven valid: %s", record)
                    .isNotNull();
            List<String> broken = new ArrayList<>();
            forEachBreakage(record, mutated -> {
                byte[] line = mutated.getBytes(StandardCharsets.UTF_8);
                ObjectNode kept = check.provenValid(line, 0, line.length);
                if (kept != null) {
                    JsonNode tree = parse(mutated);
                    if (!schema.validate(tree).isValid() || !EventFacts.of(kept).equals(EventFacts.of(tree))) {
                        broken.add(mutated);
                    }
                }
            });
            assertThat(broken).as("records proven valid that are not, or whose kept parts differ").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void whatTheCheckDoesNotReadAsTheFullValidatorDoesIsLeftToIt(XdmSchema schema) {
        StreamingCheck check = schema.streamingCheck(EventFacts.READ_FROM).orElseThrow();
        String valid = SampleEvents.text(SampleEvents.productView("p-1"));
        String[] notProven = {
                "\uFEFF" + valid,
                valid + " {}",
                valid.replaceFirst("\\{", "{\"_id\": \"first\", "),
                valid.substring(0, valid.length() - 1),
                "[" + valid + "]",
                "null",
                ""};
        for (String line : notProven) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(check.provenValid(bytes, 0, bytes.length)).as(line).isNull();
        }
        byte[] notUtf8 = valid.replace("Mozilla/5.0", "Mozilla\u0001").getBytes(StandardCharsets.UTF_8);
        notUtf8[valid.indexOf("Mozilla") + 7] = (byte) 0xC3;
        assertThat(check.provenValid(notUtf8, 0, notUtf8.length)).as("a byte that is not UTF-8").isNull();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void aRecordIsReadWhereItLiesInALargerBuffer(XdmSchema schema) {
        StreamingCheck check = schema.streamingCheck(EventFacts.READ_FROM).orElseThrow();
        String record = SampleEvents.text(SampleEvents.orderPlaced("o-1"));
        byte[] buffer = ("garbage\n" + record + "\nmore").getBytes(StandardCharsets.UTF_8);

        ObjectNode kept = check.provenValid(buffer, 8, record.length());

        assertThat(kept).isNotNull();
        assertThat(EventFacts.of(kept)).isEqualTo(EventFacts.of(parse(record)));
    }

    @Test
    void theLastPassingValueIsNotCheckedAgainByAnyThreadAndEveryOtherValueIs() throws Exception {
        List<String> asked = new ArrayList<>();
        Predicate<String> email = value -> {
            asked.add(value);
            return value.contains("@");
        };
        StreamingCheck check = StreamingCheck.compile(parse("{\"type\": \"object\", \"additionalProperties\": false,"
                        + " \"properties\": {\"address\": {\"type\": \"string\", \"format\": \"email\"}}}"),
                Map.of("email", email), JSON, EventFacts.READ_FROM).orElseThrow();

        List<Boolean> proven = new ArrayList<>();
        for (String address : List.of("a@x.com", "a@x.com", "a@x.com", "bad", "bad", "a@x.com")) {
            byte[] record = ("{\"address\": \"" + address + "\"}").getBytes(StandardCharsets.UTF_8);
            proven.add(check.provenValid(record, 0, record.length) != null);
        }
        byte[] again = "{\"address\": \"a@x.com\"}".getBytes(StandardCharsets.UTF_8);
        boolean onAnotherThread = CompletableFuture.supplyAsync(() -> check.provenValid(again, 0, again.length)).get()
                != null;

        assertThat(proven).containsExactly(true, true, true, false, false, true);
        assertThat(onAnotherThread).isTrue();
        assertThat(asked).containsExactly("a@x.com", "bad", "bad");
    }

    @Test
    void aSchemaUsingMoreThanTheCheckKnowsGetsNoCheck() {
        String[] schemas = {
                "{\"type\": \"object\", \"properties\": {\"a\": {\"oneOf\": [{\"type\": \"string\"}]}}}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": [\"string\", \"null\"]}}}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"format\": \"hostname\"}}}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/definitions/a\"}},"
                        + " \"definitions\": {\"a\": {\"type\": \"object\", \"properties\": {\"b\": {\"$ref\":"
                        + " \"#/definitions/a\"}}}}}",
                "{\"type\": \"object\", \"properties\": {\"commerce\": {\"type\": \"array\", \"items\":"
                        + " {\"type\": \"object\"}}}}",
                "{\"type\": \"object\"}"};
        for (String schema : schemas) {
            assertThat(StreamingCheck.compile(parse(schema), Map.of(), JSON, EventFacts.READ_FROM)).as(schema).isEmpty();
        }
    }

    /**
     * Every way of breaking the record one place at a time: each key removed, each value replaced by each wrong
     * value, an unknown key added to each object, each array emptied.
     */
    private static void forEachBreakage(ObjectNode record, Consumer<String> test) {
        forEachContainer(record, container -> {
            if (container instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode original = object.get(name);
                    object.remove(name);
                    test.accept(text(record));
                    for (JsonNode wrong : WRONG_VALUES) {
                        object.set(name, wrong);
                        test.accept(text(record));
                    }
                    object.set(name, original);
                }
                object.put("unknownKey", 1);
                test.accept(text(record));
                object.remove("unknownKey");
            } else if (container instanceof ArrayNode array && !array.isEmpty()) {
                JsonNode first = array.get(0);
                for (JsonNode wrong : WRONG_VALUES) {
                    array.set(0, wrong);
                    test.accept(text(record));
                }
                array.set(0, first);
            }
        });
    }

    private static void forEachContainer(JsonNode node, Consumer<JsonNode> visit) {
        if (node.isContainerNode()) {
            visit.accept(node);
            List<JsonNode> children = new ArrayList<>();
            node.elements().forEachRemaining(children::add);
            children.forEach(child -> forEachContainer(child, visit));
        }
    }

    /** A valid value with every declared key, its strings chosen to pass each format and pattern the schemas use. */
    private static JsonNode fullest(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/definitions/".length());
            return fullest(document.path("definitions").path(name), document);
        }
        return switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), fullest(property.getValue(), document)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.min(Math.max(2, schema.path("minItems").asInt()), schema.path("maxItems").asInt(Integer.MAX_VALUE));
                for (int i = 0; i < items; i++) {
                    array.add(fullest(schema.path("items"), document));
                }
                yield array;
            }
            case "boolean" -> NODES.booleanNode(true);
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1) + 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asDouble() + 0.5 : 12.5);
            default -> NODES.textNode(validText(schema));
        };
    }

    private static String validText(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        String pattern = schema.path("pattern").asText("");
        if (pattern.contains("[A-Z]{2}$")) {
            return "US";
        } else if (pattern.contains("[A-Z]{3}$")) {
            return "USD";
        } else if (pattern.contains("[0-9]{1,3}")) {
            return "12";
        } else if (pattern.contains("[A-Za-z]{2,3}")) {
            return "en-US";
        }
        return Map.of("date-time", "2026-11-24T10:15:30.123Z", "date", "2026-11-24", "email", "shopper@example.com",
                "uri", "https://shop.example.com/p?x=1", "uri-reference", "/p/1", "ipv4", "203.0.113.7",
                "ipv6", "2001:db8::7").getOrDefault(schema.path("format").asText(), "text");
    }

    private static byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node) {
        return SampleEvents.text(node);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

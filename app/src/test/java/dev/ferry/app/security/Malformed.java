package dev.ferry.app.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile inputs from a seeded generator: mutations of valid JSON bodies (truncated, bytes flipped, invalid UTF-8,
 * numbers no type holds, megabyte strings, nesting and arrays 100,000 deep and wide, a wrong type in a field,
 * duplicate keys, BOMs, NUL bytes), random bytes, odd query values, cookies and bearer tokens. The same random
 * source gives the same inputs, so a failure is replayed from its seed.
 */
final class Malformed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "__ferry_fuzz_hole__";
    static final int DEEP = 100_000;
    static final int WIDE = 100_000;
    static final int LONG = 1_200_000;

    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "-0", "-0.0", "NaN", "Infinity",
            "-Infinity", "9223372036854775808", "-9223372036854775809", "0x1F", "+1", "01", "1.", ".5", "1e", "--1",
            "1" + "0".repeat(5000), "0." + "1".repeat(5000), "-" + "9".repeat(5000) + "e-99999");
    private static final List<String> WRONG_VALUES = List.of("\"text\"", "\"\"", "0", "-1", "3.5", "true", "false",
            "null", "[]", "{}", "[1,\"a\",null,{}]", "{\"nested\":{\"x\":[1]}}", "\"\\ud800\"", "\"\\u0000\"",
            "\"\\u202e\\u0000\\uffff\"", "\"" + "\\u0301".repeat(2000) + "\"");
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
            (byte) 0x80}};

    private final SplittableRandom random;

    Malformed(SplittableRandom random) {
        this.random = random;
    }

    /** A body and what was done to it. */
    record Body(String what, byte[] bytes) {

        static Body of(String what, String text) {
            return new Body(what, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One of the document's values (JSON pointer) replaced by a value of another type: the systematic sweep. */
    Body wrongType(String document, String pointer) {
        JsonNode original = read(document).at(pointer);
        String value;
        do {
            value = pick(WRONG_VALUES);
        } while (sameType(original, value));
        return hole(document, pointer, "wrong type at " + pointer + ": " + abbreviate(value), bytes(value));
    }

    /** Every value's JSON pointer in the document, the root excluded. */
    static List<String> pointers(String document) {
        List<String> pointers = new ArrayList<>();
        collect(read(document), "", pointers);
        return pointers;
    }

    /** The document, or one random mutation of it, or no JSON at all. */
    Body mutate(String document) {
        int kind = random.nextInt(16);
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case 0 -> Body.of("the valid document", document);
            case 1 -> {
                int end = random.nextInt(bytes.length);
                yield new Body("truncated at byte " + end, Arrays.copyOf(bytes, end));
            }
            case 2 -> flipped(bytes);
            case 3 -> invalidUtf8(document);
            case 4 -> {
                String number = pick(NUMBERS);
                yield hole(document, randomPointer(document), "the number " + abbreviate(number), bytes(number));
            }
            case 5 -> hole(document, randomPointer(document), "a string of " + LONG + " characters",
                    bytes("\"" + "x".repeat(LONG) + "\""));
            case 6 -> deep(document);
            case 7 -> wide(document);
            case 8 -> {
                String pointer = randomPointer(document);
                yield wrongType(document, pointer);
            }
            case 9 -> duplicateKey(document);
            case 10 -> {
                byte[][] boms = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}};
                byte[] bom = boms[random.nextInt(boms.length)];
                yield new Body("a byte order mark " + hex(bom) + " first", concat(bom, bytes));
            }
            case 11 -> {
                int at = random.nextInt(bytes.length + 1);
                yield new Body("a NUL byte at " + at, concat(Arrays.copyOf(bytes, at), new byte[] {0},
                        Arrays.copyOfRange(bytes, at, bytes.length)));
            }
            case 12 -> new Body("an empty body", new byte[0]);
            case 13 -> randomBytes();
            case 14 -> Body.of("JSON of the wrong shape", pick(List.of("null", "0", "\"events\"", "true", "[]", "{}",
                    "[[]]", "[null]", "{\"events\":{}}", "{\"events\":null}", "[1e400]", "{\"\":\"\"}")));
            default -> Body.of("the document twice", document + document);
        };
    }

    Body randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        return new Body(bytes.length + " random bytes", bytes);
    }

    /** A query parameter value as raw request-target bytes: percent-encoding broken, huge, odd, or plain. */
    byte[] queryValue() {
        return switch (random.nextInt(12)) {
            case 0 -> bytes(pick(List.of("%", "%z", "%zz", "%%", "abc%", "%E0%A4", "%FF%FE", "%C0%AF", "%ED%A0%80",
                    "%F4%90%80%80")));
            case 1 -> bytes("a".repeat(random.nextBoolean() ? 3000 : 100_000));
            case 2 -> bytes(pick(List.of("%00", "%0D%0ASet-Cookie:%20x=1", "%0A", "a%00b")));
            case 3 -> new byte[] {'a', (byte) (0x80 + random.nextInt(0x80)), 'b'};
            case 4 -> bytes(pick(List.of("-1", "0", "99999999999999999999", "1e400", "NaN", "0x10", "+1", " 1")));
            case 5 -> bytes(pick(List.of("{}", "|", "\"", "<script>", "\\", "^", "`", "[]", "#frag", ";x=1")));
            case 6 -> bytes(pick(List.of("jane%40example.com", "JANE@EXAMPLE.COM", "%40", "a@b", "@")));
            case 7 -> bytes(pick(List.of("4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f", "not-a-uuid",
                    "45181234567890123456789012345678901234")));
            case 8 -> bytes("%E2%80%AE%F0%9F%98%80" + "%CC%81".repeat(200));
            case 9 -> bytes("");
            case 10 -> bytes("+".repeat(50));
            default -> bytes(Integer.toString(random.nextInt(1, 100)));
        };
    }

    /** A query string: the given names (and some others) with odd values, repeated, empty or without '='. */
    byte[] query(List<String> names) {
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        int parameters = random.nextInt(1, 5);
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.writeBytes(bytes(pick(List.of("&", "&", "&&", ";", "&=&"))));
            }
            String name = random.nextInt(5) == 0 ? pick(List.of("", "%zz", "x", "a[]", "%00")) : pick(names);
            query.writeBytes(bytes(name));
            if (random.nextInt(8) != 0) {
                query.writeBytes(bytes("="));
                query.writeBytes(queryValue());
            }
        }
        return query.toByteArray();
    }

    /** A ferry_fpid cookie header value: valid, huge, odd characters, repeated, or without a value. */
    String fpidCookie() {
        return switch (random.nextInt(9)) {
            case 0 -> "ferry_fpid=4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f";
            case 1 -> "ferry_fpid=" + "f".repeat(random.nextBoolean() ? 2000 : 7000);
            case 2 -> "ferry_fpid=\"4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f\"";
            case 3 -> "ferry_fpid=a; ferry_fpid=4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f; ferry_fpid=";
            case 4 -> "ferry_fpid";
            case 5 -> "ferry_fpid=%00%zz;;;=;";
            case 6 -> "ferry_fpid=\u00e9\u00ff\u0080";
            case 7 -> ";".repeat(500);
            default -> "ferry_fpid=" + randomText("0123456789abcdef-=,;\"\\ %\t", 36);
        };
    }

    /**
     * An Authorization header value: a Commerce customer JWT with odd claims, alg none, malformed base64, too many
     * or too few parts, huge, deeply nested, invalid UTF-8, another scheme.
     */
    String authorization() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(bytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        String none = base64.encodeToString(bytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        String payload = base64.encodeToString(bytes(pick(List.of("{\"uid\":1,\"utypid\":3}",
                "{\"uid\":\"1\",\"utypid\":3}", "{\"uid\":-1,\"utypid\":3}", "{\"uid\":1e400,\"utypid\":3}",
                "{\"uid\":99999999999999999999,\"utypid\":3}", "{\"uid\":{\"a\":1},\"utypid\":3}",
                "{\"uid\":[1],\"utypid\":\"3\"}", "{\"uid\":1,\"utypid\":{}}", "{\"uid\":NaN}", "{\"uid\":null}",
                "[]", "\"uid\"", "{\"uid\":1,\"uid\":2,\"utypid\":3}", "{\"uid\":\"" + "9".repeat(5000) + "\"}",
                "[".repeat(3000) + "]".repeat(3000)))));
        return switch (random.nextInt(12)) {
            case 0 -> "Bearer " + header + "." + payload + ".c2lnbmF0dXJl";
            case 1 -> "Bearer " + none + "." + payload + ".";
            case 2 -> "Bearer " + header + ".!!!not*base64***." + "c2ln";
            case 3 -> "Bearer " + header + "." + Base64.getEncoder().encodeToString(bytes("{\"uid\":1,\"utypid\":3}???>>>"))
                    + ".sig";
            case 4 -> "Bearer " + pick(List.of("...", ".", "a.b", "a.b.c.d", "..x", "x..", "a.b.c.d.e.f"));
            case 5 -> "Bearer " + header + "." + "A".repeat(random.nextBoolean() ? 7000 : 20_000) + ".sig";
            case 6 -> "Bearer " + header + "." + base64.encodeToString(new byte[] {'{', '"', 'u', (byte) 0xC3, 0x28, '"',
                    ':', '1', '}'}) + ".sig";
            case 7 -> pick(List.of("Bearer", "Bearer ", "Bearer     ", "bearer x", "BEARER " + header, "Basic dXNlcjpwYXNz",
                    "Negotiate", "", "Bearer \t"));
            case 8 -> "Bearer " + new String(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 'x'}, StandardCharsets.ISO_8859_1);
            case 9 -> "Bearer " + header + "." + payload + "." + "s".repeat(random.nextInt(1, 4000));
            case 10 -> "Bearer " + header + "=." + payload + "==.sig==";
            default -> "Bearer " + header + "." + payload;
        };
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private Body flipped(byte[] original) {
        byte[] bytes = original.clone();
        int flips = random.nextInt(1, 11);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return new Body(flips + " random bytes flipped", bytes);
    }

    private Body invalidUtf8(String document) {
        byte[] sequence = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        String pointer = randomPointer(document);
        return hole(document, pointer, "invalid UTF-8 " + hex(sequence) + " in a string at " + pointer,
                concat(bytes("\"ab"), sequence, bytes("cd\"")));
    }

    private Body deep(String document) {
        boolean arrays = random.nextBoolean();
        String pointer = randomPointer(document);
        byte[] nested = arrays ? concat(bytes("[".repeat(DEEP)), bytes("]".repeat(DEEP)))
                : concat(bytes("{\"a\":".repeat(DEEP)), bytes("0"), bytes("}".repeat(DEEP)));
        return hole(document, pointer, (arrays ? "arrays" : "objects") + " nested " + DEEP + " deep at " + pointer,
                nested);
    }

    private Body wide(String document) {
        String element = pick(List.of("1", "{}", "\"a\"", "null", "{\"event\":\"page-view\"}"));
        StringBuilder array = new StringBuilder(WIDE * (element.length() + 1) + 2).append('[');
        for (int i = 0; i < WIDE; i++) {
            array.append(i == 0 ? "" : ",").append(element);
        }
        String pointer = randomPointer(document);
        return hole(document, pointer, "an array of " + WIDE + " x " + element + " at " + pointer,
                bytes(array.append(']').toString()));
    }

    private Body duplicateKey(String document) {
        List<String> fields = new ArrayList<>();
        Matcher key = Pattern.compile("\"([A-Za-z_]+)\"\\s*:").matcher(document);
        while (key.find()) {
            fields.add(key.group(1));
        }
        if (fields.isEmpty()) {
            return Body.of("the valid document", document);
        }
        String field = pick(fields);
        String value = pick(WRONG_VALUES);
        int at = document.indexOf("\"" + field + "\"");
        return Body.of("duplicate key " + field + " = " + abbreviate(value),
                document.substring(0, at) + "\"" + field + "\": " + value + ", " + document.substring(at));
    }

    private String randomPointer(String document) {
        List<String> pointers = pointers(document);
        return pointers.isEmpty() ? "" : pick(pointers);
    }

    /** The document with the value at the pointer replaced by raw bytes (the whole document for the root). */
    private static Body hole(String document, String pointer, String what, byte[] value) {
        if (pointer.isEmpty()) {
            return new Body(what + " as the whole body", value);
        }
        JsonNode root = read(document);
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, TextNode.valueOf(HOLE));
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), TextNode.valueOf(HOLE));
        }
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int at = text.indexOf("\"" + HOLE + "\"");
        return new Body(what, concat(bytes(text.substring(0, at)), value,
                bytes(text.substring(at + HOLE.length() + 2))));
    }

    private static void collect(JsonNode node, String at, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                collect(field.getValue(), pointer, pointers);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                pointers.add(at + "/" + i);
                collect(array.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static boolean sameType(JsonNode original, String value) {
        JsonNode replacement = read(value);
        return original.getNodeType() == replacement.getNodeType();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the corpus holds invalid JSON: " + json, e);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}

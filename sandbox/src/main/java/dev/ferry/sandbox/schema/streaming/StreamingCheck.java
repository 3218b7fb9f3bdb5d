package dev.ferry.sandbox.schema.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.web.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves a JSON record valid against a schema in one pass over its bytes, without building its tree, or gives up and
 * leaves it to the full validator.
 *
 * <p>Why: building a batch record's tree and walking it with the full validator was nine tenths of the sandbox's
 * batch ingestion, while nearly every record of a batch is valid. The check only ever says "valid" or "not proven";
 * a record it does not prove valid (invalid, or using JSON the check does not judge, such as a key met twice) goes
 * to the full validator, which decides and words the errors. So the check may give up as often as it likes, but
 * must never prove valid what the full validator refuses; {@code StreamingCheckTest} holds it to that.
 *
 * <p>It knows the keywords the XDM schemas use (types, properties, required, additionalProperties, items, lengths,
 * limits, pattern, format, string enums and {@code $ref} to definitions); a schema using any other keyword gets no
 * streaming check. Thread-safe.
 */
public final class StreamingCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingCheck.class);

    private final JsonFactory json;
    private final ObjectRule root;

    private StreamingCheck(JsonFactory json, ObjectRule root) {
        this.json = json;
        this.root = root;
    }

    /**
     * The check of {@code schema}, or empty when the schema uses more than the check knows.
     *
     * @param formats the full validator's formats by name, so both judge a format alike
     * @param mapper  reads records as the full validator's caller reads them
     * @param kept    JSON pointers, through objects only, to the parts of a valid record the check returns
     */
    public static Optional<StreamingCheck> compile(JsonNode schema, Map<String, Predicate<String>> formats,
                                                   ObjectMapper mapper, List<String> kept) {
        try {
            ObjectRule root = new RuleCompiler(schema, formats, mapper)
                    .compileRoot(kept.stream().map(JsonPointer::compile).toList());
            return Optional.of(new StreamingCheck(mapper.getFactory(), root));
        } catch (UnsupportedSchema e) {
            LOG.info("the schema gets no streaming check, every record goes to the full validator: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The kept parts of the record in {@code content}, when the record is proven valid; null when it is not (it may
     * still be valid: the full validator decides).
     */
    public ObjectNode provenValid(byte[] content, int offset, int length) {
        if (Json.startsWithByteOrderMark(content, offset, length)) {
            return null;
        }
        try (JsonParser parser = json.createParser(content, offset, length)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode kept = root.check(parser, false);
            return kept instanceof ObjectNode object && parser.nextToken() == null ? object : null;
        } catch (IOException notJsonAsTheCheckReadsIt) {
            return null;
        }
    }
}

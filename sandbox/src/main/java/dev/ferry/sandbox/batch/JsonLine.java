package dev.ferry.sandbox.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One non-blank line of a batch file, read in place in the file's bytes.
 *
 * @param file    the file's name
 * @param number  its line number in the file, from 1
 * @param content the whole file
 * @param offset  where the line starts in {@code content}
 * @param length  the line's length in bytes, without its line terminator
 */
record JsonLine(String file, int number, byte[] content, int offset, int length) {

    /** Where the line is, as batch errors name it. */
    String where() {
        return file + " line " + number;
    }

    /** The line as text. */
    String text() {
        return new String(content, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * The line's JSON object, or empty when it is not one. Parsed from the bytes, except where Jackson's byte parser
     * would judge the line otherwise than its text reads: a line that is not valid UTF-8 is parsed from its decoded
     * text, so malformed bytes read as replacement characters rather than making the row unparsable, and a line
     * starting with a byte order mark too, which the byte parser would skip but is no JSON.
     */
    Optional<JsonNode> object() {
        Optional<JsonNode> parsed = Json.startsWithByteOrderMark(content, offset, length) ? Optional.empty()
                : Json.parse(content, offset, length);
        if (parsed.isEmpty()) {
            parsed = Json.parse(text());
        }
        return parsed.filter(JsonNode::isObject);
    }
}

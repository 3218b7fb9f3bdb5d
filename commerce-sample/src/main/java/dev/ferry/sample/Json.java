package dev.ferry.sample;

import java.util.List;
import java.util.Map;

/**
 * Writes the small JSON documents Magento 2.2+ serializes into sales columns (product_options,
 * additional_information), escaping "/" as PHP's json_encode does.
 */
final class Json {

    private Json() {
    }

    /** Maps become objects, lists arrays, numbers and booleans stay bare, anything else is a string. */
    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(separator);
                appendString(json, entry.getKey().toString());
                json.append(':');
                append(json, entry.getValue());
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            String separator = "";
            for (Object element : list) {
                json.append(separator);
                append(json, element);
                separator = ",";
            }
            json.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value == null) {
            json.append("null");
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '/' -> json.append("\\/");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}

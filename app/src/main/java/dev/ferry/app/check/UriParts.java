package dev.ferry.app.check;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camel endpoint URI taken apart the way Camel reads it: {@code scheme:path?option=value&...} (also
 * {@code scheme://path}); values may be wrapped in {@code RAW(...)}.
 *
 * @param scheme  the component name
 * @param path    what follows the scheme, up to the query
 * @param options option names (decoded) in the order written, with their raw values
 */
record UriParts(String scheme, String path, Map<String, String> options) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

    /** The parts, or null when the text is not {@code scheme:...}. */
    static UriParts parse(String uri) {
        if (uri == null) {
            return null;
        }
        String text = uri.strip();
        int colon = text.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(text.substring(0, colon)).matches()) {
            return null;
        }
        String scheme = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> options = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : splitQuery(rest.substring(question + 1))) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                options.put(decode(name), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return new UriParts(scheme, path, Collections.unmodifiableMap(options));
    }

    /** {@code aep:edge} of {@code aep:edge?datastreamId=x}, for messages. */
    static String schemeAndPath(String uri) {
        UriParts parts = parse(uri);
        return parts == null ? uri : parts.scheme + ":" + parts.path;
    }

    boolean hasOption(String name) {
        return options.keySet().stream().anyMatch(o -> o.equalsIgnoreCase(name));
    }

    /** Splits on '&' except inside RAW(...) / RAW{...}, whose content Camel takes verbatim. */
    private static List<String> splitQuery(String query) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char rawClose = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (rawClose == 0 && (query.startsWith("RAW(", i) || query.startsWith("RAW{", i))) {
                rawClose = query.charAt(i + 3) == '(' ? ')' : '}';
            } else if (rawClose != 0 && c == rawClose) {
                rawClose = 0;
            }
            if (c == '&' && rawClose == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Resolves Camel property placeholders ({@code {{key}}}, {@code {{key:default}}}, {@code {{env:NAME}}}) against
     * the config and the environment; a placeholder it cannot resolve stays as written, and the checks then leave
     * that part alone.
     */
    static final class Resolver {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

        private final Map<String, String> properties;
        private final Map<String, String> environment;

        Resolver(Map<String, String> properties, Map<String, String> environment) {
            this.properties = properties;
            this.environment = environment;
        }

        String resolve(String text) {
            if (text == null || !text.contains("{{")) {
                return text;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = lookup(m.group(1).strip());
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String lookup(String expression) {
            String key = expression;
            String fallback = null;
            if (key.startsWith("env:") || key.startsWith("env.")) {
                String name = key.substring(4);
                int colon = name.indexOf(':');
                String value = environment.get(colon < 0 ? name : name.substring(0, colon));
                return value != null ? value : colon < 0 ? null : name.substring(colon + 1);
            }
            int colon = key.indexOf(':');
            if (colon >= 0) {
                fallback = key.substring(colon + 1);
                key = key.substring(0, colon);
            }
            String value = properties.get(key);
            return value != null && !value.isEmpty() ? value : fallback;
        }

        static boolean unresolved(String text) {
            return text != null && text.contains("{{");
        }
    }
}

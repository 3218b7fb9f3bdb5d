package dev.ferry.app.check;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Last line of defence before anything is printed: masks the value of every secret key in the config and of every
 * password written into a configured URL, wherever it appears, and any password written into a URL
 * ({@code user:pw@host}, {@code password=...}), whatever message it came in.
 */
public final class Redactor {

    static final String MASK = "****";

    /** Shorter secrets are not searched for: masking every "a" would garble the output and protect nothing. */
    private static final int SHORTEST_MASKED = 3;

    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|client_secret)=)([^&;\\s)\\]'\"]+)");
    /** {@code user:pw@host}, after {@code //} or not: a driver may quote the authority alone, e.g. as a host name. */
    private static final Pattern USER_INFO = Pattern.compile("([^/:@\\s]+:)([^@/\\s]+)(@)");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor of(FerryConfig config) {
        return of(config.asMap());
    }

    static Redactor of(Map<String, String> values) {
        Stream<String> secretValues = values.entrySet().stream()
                .filter(e -> FerrySetting.isSecretKey(e.getKey()))
                .map(Map.Entry::getValue);
        Stream<String> urlPasswords = values.values().stream().filter(Objects::nonNull).flatMap(Redactor::passwordsIn);
        List<String> secrets = Stream.concat(secretValues, urlPasswords)
                .filter(v -> v != null && v.strip().length() >= SHORTEST_MASKED)
                .map(String::strip)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new Redactor(secrets);
    }

    /**
     * The passwords written into a configured URL: a driver may quote them out of the URL's syntax, e.g. MariaDB's
     * "Incorrect port value : hunter2@127.0.0.1".
     */
    private static Stream<String> passwordsIn(String value) {
        return Stream.of(URL_PASSWORD, USER_INFO).flatMap(pattern -> pattern.matcher(value).results())
                .map(match -> match.group(2));
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** A redactor that also masks the given values. */
    Redactor and(Redactor other) {
        return new Redactor(Stream.concat(secrets.stream(), other.secrets.stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = URL_PASSWORD.matcher(result).replaceAll("$1" + MASK);
        result = USER_INFO.matcher(result).replaceAll("$1" + MASK + "$3");
        return result;
    }
}

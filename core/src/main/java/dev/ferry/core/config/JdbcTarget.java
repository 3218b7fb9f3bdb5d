package dev.ferry.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JDBC URL points at, for messages: {@code host:port} for a server, the file for an embedded database.
 * Never the user or password a URL may carry ({@code user:pw@host}, {@code ?password=}, {@code ;PASSWORD=}).
 */
public final class JdbcTarget {

    static final String MASK = "****";

    /** A JDBC URL inside a driver's or the pool's message, up to the first character no URL of ours contains. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("jdbc:[^\\s'\"<>,]+");
    /** {@code password=}, {@code sslpassword=}, {@code trustStorePassword=}…, after ?, & or ; as drivers write them. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;][a-z_.]*password=([^&;#]*)");

    private JdbcTarget() {
    }

    public static String describe(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            return "(not a JDBC URL)";
        }
        String rest = jdbcUrl.substring("jdbc:".length());
        int colon = rest.indexOf(':');
        String driver = colon < 0 ? rest : rest.substring(0, colon);
        if ("h2".equals(driver)) {
            return describeH2(rest.substring(colon + 1));
        }
        return describeServer(driver, rest);
    }

    /**
     * The message with each JDBC URL in it described, and every password {@code jdbcUrl} carries masked: drivers
     * and the connection pool quote a URL they cannot parse, or the part of it they stumbled on.
     */
    public static String scrub(String message, String jdbcUrl) {
        if (message == null) {
            return null;
        }
        String scrubbed = URL_IN_TEXT.matcher(message)
                .replaceAll(url -> Matcher.quoteReplacement(describe(url.group())));
        for (String password : passwords(jdbcUrl)) {
            // Even a one-letter password: a garbled message is better than a readable secret.
            scrubbed = scrubbed.replace(password, MASK);
        }
        return scrubbed;
    }

    private static List<String> passwords(String jdbcUrl) {
        List<String> passwords = new ArrayList<>();
        if (jdbcUrl == null) {
            return passwords;
        }
        Matcher parameter = PASSWORD_PARAMETER.matcher(jdbcUrl);
        while (parameter.find()) {
            passwords.add(parameter.group(1));
        }
        String userInfo = userInfo(jdbcUrl);
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            passwords.add(userInfo.substring(colon + 1));
        }
        passwords.removeIf(String::isEmpty);
        return passwords;
    }

    /** The {@code user:pw} before the host, or "" when the URL names none. */
    private static String userInfo(String jdbcUrl) {
        String authority = authority(jdbcUrl);
        int at = authority == null ? -1 : authority.lastIndexOf('@');
        return at < 0 ? "" : authority.substring(0, at);
    }

    /** What follows the first {@code //} up to the path or parameters, or null when there is no {@code //}. */
    private static String authority(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        String authority = url.substring(slashes + 2);
        int end = indexOfAny(authority, "/?;");
        return end < 0 ? authority : authority.substring(0, end);
    }

    /** {@code rest}: the URL after {@code jdbc:}, such as {@code postgresql://user:pw@pg:5432/ferry?ssl=true}. */
    private static String describeServer(String driver, String rest) {
        String authority = authority(rest);
        if (authority == null) {
            return driver + " database";
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.isEmpty()) {
            authority = "localhost";
        }
        if (!authority.contains(":") || authority.startsWith("[") && !authority.contains("]:")) {
            int port = defaultPort(driver);
            if (port > 0) {
                authority = authority + ":" + port;
            }
        }
        return authority;
    }

    private static String describeH2(String rest) {
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (name.startsWith("mem:")) {
            return "H2 in-memory " + name.substring(4);
        }
        if (name.startsWith("tcp:") || name.startsWith("ssl:")) {
            return describeServer("h2", name);
        }
        if (name.startsWith("file:")) {
            name = name.substring(5);
        }
        return "H2 file " + name;
    }

    private static int defaultPort(String driver) {
        return switch (driver.toLowerCase(Locale.ROOT)) {
            case "mariadb", "mysql" -> 3306;
            case "postgresql" -> 5432;
            case "sqlserver" -> 1433;
            case "h2" -> 9092;
            default -> -1;
        };
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

package dev.ferry.app.check;

import java.util.Locale;

/**
 * What a JDBC URL points at, for messages: {@code host:port} for a server, the file for an embedded database.
 * Never the user or password a URL may carry.
 */
final class JdbcTarget {

    private JdbcTarget() {
    }

    static String describe(String jdbcUrl) {
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

    /** {@code rest}: the URL after {@code jdbc:}, such as {@code postgresql://pg:5432/ferry}. */
    private static String describeServer(String driver, String rest) {
        int slashes = rest.indexOf("//");
        if (slashes < 0) {
            return driver + " database";
        }
        String authority = rest.substring(slashes + 2);
        int end = indexOfAny(authority, "/?;");
        if (end >= 0) {
            authority = authority.substring(0, end);
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

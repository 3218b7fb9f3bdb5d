package dev.ferry.app.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs {@code ferry check} in-process on files a test writes, and keeps what it printed. */
final class CheckRun {

    final int exitCode;
    final String out;
    final String err;

    private CheckRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CheckRun run(Path config, Path routes, Map<String, String> environment) {
        return run(config, routes, environment, false);
    }

    static CheckRun run(Path config, Path routes, Map<String, String> environment, boolean verbose) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new FerryCheck(new FerryCheck.Options(config, routes, environment, verbose))
                .run(new PrintWriter(out, true), new PrintWriter(err, true));
        return new CheckRun(code, out.toString(), err.toString());
    }

    /** One output line as ferry check prints it, e.g. {@code line("FAIL", "config", "...")}. */
    static String line(String status, String what, String detail) {
        return CheckReport.format(new CheckResult(CheckResult.Status.valueOf(status), CheckResult.Area.CONFIG, what,
                detail, null));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    List<String> failures() {
        return out.lines().filter(l -> l.startsWith("FAIL ")).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + out + err;
    }

    /** Writes a properties file, one line per entry, in order (so tests know each key's line number). */
    static Path writeConfig(Path dir, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# written by a test\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve("ferry.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Path writeRoute(Path dir, String name, String yaml) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve(name), yaml, StandardCharsets.UTF_8);
        return routes;
    }

    /**
     * A config that passes every config check for the default routes: all AEP keys, a private in-memory state
     * database, IMS on the given URL.
     */
    static Map<String, String> validConfig(String imsUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ferry.http.port", "8080");
        values.put("ferry.state.db.url", "jdbc:h2:mem:ferry-check-" + UUID.randomUUID());
        values.put("ferry.aep.ims.url", imsUrl);
        values.put("ferry.aep.client-id", "ferry-check-client");
        values.put("ferry.aep.client-secret", "ferry-check-secret-value");
        values.put("ferry.aep.org-id", "CHECK0RG@AdobeOrg");
        values.put("ferry.aep.datastream-id", "ds-1");
        values.put("ferry.aep.streaming.connection-id", "conn-1");
        values.put("ferry.aep.dataset-id", "dataset-1");
        values.put("ferry.aep.schema-id", "https://ns.adobe.com/check/schemas/1");
        return values;
    }

    static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    static Map<String, String> without(Map<String, String> values, String key) {
        Map<String, String> copy = new HashMap<>(values);
        copy.remove(key);
        return new LinkedHashMap<>(copy);
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A route file with the default delivery routes' shape, for tests that change one line of it. */
    static String deliveryRoute(String step) {
        return """
                # line 1
                - route:
                    id: orders-to-aep
                    from:
                      uri: outbox:edge
                      steps:
                        - log: "delivering ${body}"
                        # the step under test is on line 9
                """ + "        " + step + "\n";
    }
}

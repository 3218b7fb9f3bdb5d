package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code ferry.jar} in a process of its own, as operators run it ({@code -Xmx512m}, default routes), so
 * that the heap and RSS the soak watches are Ferry's alone: pointed at the AEP sandbox of the benchmark's JVM and,
 * with the order poller on, at the soak's Commerce database.
 */
final class SoakFerry implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How many of the largest classes the soak prints with each live-heap measurement, to show what grew. */
    private static final int LARGEST_CLASSES = 8;

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private SoakFerry(Process process, Path log, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Writes the configuration, starts the jar and returns once the collector answers. */
    static SoakFerry start(Path jar, Path work, AepSandbox sandbox, String commerceConfig) throws Exception {
        int httpPort = freePort();
        int managementPort = freePort();
        Path config = work.resolve("ferry.properties");
        Files.writeString(config, sandboxConfig(work, sandbox, httpPort, managementPort) + commerceConfig);
        Path log = work.resolve("ferry.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "run", "--config",
                config.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FERRY_"));
        builder.environment().put("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret());
        SoakFerry ferry = new SoakFerry(builder.start(), log, httpPort, managementPort);
        ferry.awaitCollector();
        return ferry;
    }

    /** Every AEP URL and credential pointed at the sandbox; the state database an H2 file in the work directory. */
    private static String sandboxConfig(Path work, AepSandbox sandbox, int httpPort, int managementPort) {
        SandboxSettings s = sandbox.settings();
        String url = sandbox.baseUrl();
        return String.join("\n", List.of(
                "ferry.http.port=" + httpPort,
                "ferry.management.port=" + managementPort,
                "ferry.state.db.url=jdbc:h2:file:" + work.resolve("state").toAbsolutePath(),
                "ferry.aep.ims.url=" + url,
                "ferry.aep.platform.url=" + url,
                "ferry.aep.streaming.url=" + url,
                "ferry.aep.edge.url=" + url,
                "ferry.aep.client-id=" + s.clientId(),
                "ferry.aep.org-id=" + s.imsOrgId(),
                "ferry.aep.datastream-id=" + s.datastreamId(),
                "ferry.aep.streaming.connection-id=" + s.streamingConnectionId(),
                "ferry.aep.dataset-id=" + s.datasetId(),
                "ferry.aep.schema-id=" + s.schemaId(), ""));
    }

    String collectorUrl() {
        return "http://127.0.0.1:" + httpPort + "/v1/storefront/events";
    }

    long pid() {
        return process.pid();
    }

    /** The sum of the heap pools' used bytes, from Ferry's Prometheus metrics. */
    long heapUsedBytes() throws IOException, InterruptedException {
        double sum = 0;
        boolean found = false;
        for (String line : management("/observe/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        if (!found) {
            throw new IOException("ferry's /observe/metrics has no jvm_memory_used_bytes of the heap");
        }
        return (long) sum;
    }

    /**
     * Ferry's live heap: a class histogram of live objects through {@code jcmd}, which runs a full collection first,
     * so unlike a sample of the used heap it does not depend on where in the collector's cycle it lands. The full
     * collection pauses Ferry once; the soak takes two.
     */
    LiveHeap liveHeap() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), "GC.class_histogram").redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
        if (jcmd.waitFor() != 0 || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("Total")) {
            throw new IOException("jcmd GC.class_histogram failed: " + String.join("\n", lines));
        }
        String[] total = lines.get(lines.size() - 1).trim().split("\\s+");
        List<String> largest = lines.stream().filter(line -> line.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+.*"))
                .limit(LARGEST_CLASSES).toList();
        return new LiveHeap(Long.parseLong(total[2]), largest);
    }

    /** Bytes of live objects after a full collection, and the histogram lines of the classes holding most. */
    record LiveHeap(long bytes, List<String> largestClasses) {
    }

    /** Resident set size of Ferry's process, from {@code /proc/<pid>/status}. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid() + "/status");
    }

    /** The outbox health check's details: events waiting in every channel, and dead letters. */
    Outbox outbox() throws IOException, InterruptedException {
        JsonNode health = Xdm.JSON.readTree(management("/observe/health?data=true"));
        JsonNode waiting = health.findValue("outbox.events");
        JsonNode deadLetters = health.findValue("deadLetters");
        if (waiting == null || deadLetters == null) {
            throw new IOException("the health answer has no outbox check: " + health);
        }
        return new Outbox(waiting.asLong(), deadLetters.asLong());
    }

    record Outbox(long waiting, long deadLetters) {
    }

    private String management(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body();
    }

    private void awaitCollector() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ferry exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(collectorUrl()))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    return;
                }
            } catch (ConnectException notYet) {
                // the collector is not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ferry's collector did not answer within 90 s; see " + log);
    }

    /** SIGTERM, as an operator stops Ferry; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ferry did not stop within 60 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /**
     * A free port below Linux's ephemeral range, so the OS does not hand it to another socket between this check
     * and Ferry binding it.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}

package dev.ferry.app.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code ferry.jar} as a separate process, as operators run it: output captured to a file, stopped with
 * SIGTERM or killed with SIGKILL.
 */
public final class FerryProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private FerryProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static Path jar() {
        Path jar = Path.of("target", "ferry.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target/ferry.jar is missing; process tests run after `mvn package`");
        }
        return jar;
    }

    public static FerryProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        // env gives SIGINT back its default before it runs Java, so that Ctrl-C reaches Ferry even when the build runs
        // as a script's background job, which starts with SIGINT ignored, and passes that on.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", javaBinary(), "-Xmx512m", "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "ferry-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FERRY_"));
        builder.environment().putAll(environment);
        return new FerryProcess(builder.start(), output);
    }

    /** Runs a command to completion and returns its exit code and output. */
    public static Result run(Path workDir, Map<String, String> environment, String... args) throws Exception {
        try (FerryProcess ferry = start(workDir, environment, args)) {
            if (!ferry.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("ferry " + String.join(" ", args) + " did not finish in 60 s:\n" + ferry.output());
            }
            return new Result(ferry.process.exitValue(), ferry.output());
        }
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits; returns the exit code. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ferry did not stop within " + within + " of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGINT, as Ctrl-C sends it on a terminal. */
    public void interrupt() throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -INT " + process.pid() + " exited " + exit);
        }
    }

    /** Waits for the process to end; returns its exit code. */
    public int waitFor(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("ferry did not end within " + within + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A finished command. */
    public record Result(int exitCode, String output) {
    }
}

package dev.ferry.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The CPU time that each process of a benchmark used during a phase (this JVM, the sandbox's, the database
 * server's), and how many of the machine's cores they kept busy together: on a machine whose cores are all busy,
 * a phase cannot get faster without one of them using less.
 */
final class CpuShares {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    CpuShares add(String name, ProcessHandle process) {
        processes.put(name, process);
        return this;
    }

    /** The first running process whose command line contains one of the names, e.g. the machine's database server. */
    static Optional<ProcessHandle> running(String... commandNames) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command()
                .filter(command -> Arrays.stream(commandNames).anyMatch(command::endsWith))
                .isPresent()).findFirst();
    }

    Snapshot snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpu.put(name,
                process.info().totalCpuDuration().orElse(Duration.ZERO)));
        return new Snapshot(cpu, System.nanoTime());
    }

    record Snapshot(Map<String, Duration> cpu, long nanoTime) {

        /** e.g. {@code Ferry 50.7 s, MariaDB 31.5 s, sandbox 0.0 s: 1.8 of 2 cores busy}. */
        String since(Snapshot before) {
            double wall = (nanoTime - before.nanoTime) / 1e9;
            double total = 0;
            StringJoiner line = new StringJoiner(", ");
            for (Map.Entry<String, Duration> used : cpu.entrySet()) {
                double seconds = (used.getValue().toMillis()
                        - before.cpu.getOrDefault(used.getKey(), used.getValue()).toMillis()) / 1e3;
                total += seconds;
                line.add(String.format(Locale.ROOT, "%s %.1f s", used.getKey(), seconds));
            }
            return String.format(Locale.ROOT, "%s: %.1f of %d cores busy", line, total / wall,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}

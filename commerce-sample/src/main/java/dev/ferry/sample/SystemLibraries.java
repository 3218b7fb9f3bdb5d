package dev.ferry.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the shared libraries the bundled MariaDB binaries need and this machine lacks, and says in one line which
 * Debian packages to install, so a missing library reads as a fix instead of a dead server.
 */
final class SystemLibraries {

    /** What ldd prints for a missing library ("libaio.so.1 => not found"). */
    private static final Pattern LDD_MISSING = Pattern.compile("^\\s*(\\S+) => not found", Pattern.MULTILINE);

    /** What the dynamic loader prints when a binary starts without one. */
    private static final Pattern LOADER_MISSING =
            Pattern.compile("error while loading shared libraries: (\\S+?):");

    /** Debian 12 packages of the libraries MariaDB's Linux binaries link, or have linked in past releases. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("libaio.so.1", "libaio1"),
            Map.entry("liburing.so.2", "liburing2"),
            Map.entry("libncurses.so.6", "libncurses6"),
            Map.entry("libncursesw.so.6", "libncursesw6"),
            Map.entry("libtinfo.so.6", "libtinfo6"),
            Map.entry("libncurses.so.5", "libncurses5"),
            Map.entry("libtinfo.so.5", "libtinfo5"),
            Map.entry("libssl.so.3", "libssl3"),
            Map.entry("libcrypto.so.3", "libssl3"),
            Map.entry("libcrypt.so.1", "libcrypt1"),
            Map.entry("libsystemd.so.0", "libsystemd0"),
            Map.entry("libstdc++.so.6", "libstdc++6"),
            Map.entry("libgcc_s.so.1", "libgcc-s1"),
            Map.entry("libcap.so.2", "libcap2"),
            Map.entry("libgcrypt.so.20", "libgcrypt20"),
            Map.entry("libgpg-error.so.0", "libgpg-error0"),
            Map.entry("liblzma.so.5", "liblzma5"),
            Map.entry("libzstd.so.1", "libzstd1"),
            Map.entry("liblz4.so.1", "liblz4-1"),
            Map.entry("libz.so.1", "zlib1g"),
            Map.entry("libnuma.so.1", "libnuma1"),
            Map.entry("libpmem.so.1", "libpmem1"),
            Map.entry("libxml2.so.2", "libxml2"),
            Map.entry("libpcre2-8.so.0", "libpcre2-8-0"));

    private SystemLibraries() {
    }

    /**
     * Asks ldd which libraries the binary cannot find, looking in {@code bundledLibraries} too as the server's
     * start does. Empty when all are there, or when ldd itself is missing: then a failed start is read with
     * {@link #diagnose(String, String)} instead.
     */
    static Optional<String> check(Path binary, Path bundledLibraries) {
        try {
            ProcessBuilder command = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true);
            command.environment().put("LD_LIBRARY_PATH", bundledLibraries.toString());
            Process ldd = command.start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ldd.waitFor(10, TimeUnit.SECONDS)) {
                ldd.destroyForcibly();
                return Optional.empty();
            }
            return diagnose(binary.getFileName().toString(), output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Reads ldd's or the loader's output; says what to install when it names missing libraries. */
    static Optional<String> diagnose(String binaryName, String output) {
        Set<String> missing = new LinkedHashSet<>();
        for (Pattern pattern : List.of(LDD_MISSING, LOADER_MISSING)) {
            Matcher matcher = pattern.matcher(output);
            while (matcher.find()) {
                missing.add(matcher.group(1));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Embedded MariaDB cannot run on this machine: " + binaryName + " needs "
                + String.join(", ", missing) + ", which the machine lacks; " + remedy(missing));
    }

    private static String remedy(Set<String> missing) {
        Set<String> unknown = missing.stream()
                .filter(library -> !DEBIAN_PACKAGES.containsKey(library))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String packages = missing.stream()
                .map(DEBIAN_PACKAGES::get)
                .filter(name -> name != null)
                .distinct()
                .collect(Collectors.joining(" "));
        String install = packages.isEmpty() ? "" : "install them with: apt-get install -y " + packages;
        String search = unknown.isEmpty() ? "" : "find the package of " + String.join(", ", unknown)
                + " with: apt-file search " + unknown.iterator().next();
        return install.isEmpty() ? search : search.isEmpty() ? install : install + "; " + search;
    }
}

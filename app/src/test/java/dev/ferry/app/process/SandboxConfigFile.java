package dev.ferry.app.process;

import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A ferry.properties that points every AEP URL and credential at a running sandbox, as an operator would write it. */
public final class SandboxConfigFile {

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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.ferry.app.command;

import dev.ferry.app.ExitCodes;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the local AEP sandbox alone (IMS, Edge, streaming, batch, Catalog, Segmentation with "
                + "rule-based audiences pushed to an HTTP destination).")
public final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "Port to listen on, on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Validate events against this closed JSON Schema instead of the built-in one.")
    Path schema;

    @Option(names = "--destination", paramLabel = "URL",
            description = "HTTP destination the audience changes are pushed to, in AEP's HTTP API destination format, "
                    + "e.g. a running Ferry's http://127.0.0.1:8080/v1/audiences/aep-destination (default: none; "
                    + "PUT /sandbox/destination sets it later).")
    URI destination;

    @Option(names = "--destination-token", paramLabel = "TOKEN",
            description = "Bearer token sent with each push, Ferry's ferry.audiences.destination.token.")
    String destinationToken;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        SandboxSettings.Builder settings = SandboxSettings.defaults().toBuilder().port(port);
        if (schema != null) {
            settings.schemaFile(schema);
        }
        if (destination != null) {
            settings.destinationUrl(destination);
        }
        if (destinationToken != null) {
            settings.destinationToken(destinationToken);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (AepSandbox sandbox = AepSandbox.start(settings.build())) {
            describe(sandbox, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-stop"));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    static void describe(AepSandbox sandbox, PrintStream out) {
        SandboxSettings s = sandbox.settings();
        out.println("AEP sandbox listening on " + sandbox.baseUrl());
        out.println("  events received:  " + sandbox.baseUrl() + "/sandbox  (JSON: /sandbox/events)");
        out.println("  IMS token:        " + sandbox.baseUrl() + "/ims/token/v3  client id " + s.clientId()
                + ", org " + s.imsOrgId());
        out.println("  Edge:             " + sandbox.baseUrl() + "/ee/v2/collect?datastreamId=" + s.datastreamId());
        out.println("  Streaming (DCS):  " + sandbox.baseUrl() + "/collection/batch/" + s.streamingConnectionId());
        out.println("  Batch + Catalog:  " + sandbox.baseUrl() + "/data/foundation/import/batches  dataset "
                + s.datasetId());
        out.println("  Audiences:        " + sandbox.baseUrl() + "/data/core/ups/audiences  (rules: /sandbox/audiences), "
                + "pushed to " + s.destinationUrl().map(URI::toString).orElse("no destination (PUT /sandbox/destination)"));
    }
}

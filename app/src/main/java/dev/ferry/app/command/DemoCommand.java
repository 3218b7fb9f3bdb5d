package dev.ferry.app.command;

import dev.ferry.app.ExitCodes;
import dev.ferry.app.check.Redactor;
import dev.ferry.app.log.LogRedaction;
import dev.ferry.app.runtime.FerryRuntime;
import dev.ferry.app.runtime.RouteLocation;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.app.demo.CommerceDemoDatabase;
import dev.ferry.app.demo.DemoAudiences;
import dev.ferry.app.demo.DemoCommerceGraphql;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything on embedded defaults with no set-up: an embedded MariaDB with a seeded "
                + "Magento-shaped Commerce database, the AEP sandbox pushing its audiences to Ferry, a stand-in for "
                + "Commerce's GraphQL endpoint and the default routes.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where the demo keeps its databases (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--sandbox-port", defaultValue = "8090", description = "AEP sandbox port (default: ${DEFAULT-VALUE}).")
    int sandboxPort;

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Directory of *.yaml routes (default: ./routes, else the routes bundled in the jar).")
    Path routes;

    @Mixin
    ConfigOption config;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        verbose.applyToLogging();
        PrintStream out = System.out;
        out.println("Ferry demo: starting an embedded MariaDB with a sample Commerce database (first start takes a minute)…");
        FerryConfig operator = config.load();
        DemoAudiences audiences = DemoAudiences.generate();
        SandboxSettings sandboxSettings = SandboxSettings.defaults().toBuilder().port(sandboxPort)
                .destinationUrl(audiences.destinationUrl(operator))
                .destinationToken(audiences.destinationToken())
                .build();
        try (CommerceDemoDatabase commerce = CommerceDemoDatabase.start(data.resolve("mariadb"));
             DemoCommerceGraphql graphql = DemoCommerceGraphql.start();
             AepSandbox sandbox = AepSandbox.start(sandboxSettings)) {
            FerryConfig demo = operator.with(demoSettings(commerce, sandbox)).with(audiences.settings(graphql));
            // The demo runs with secrets of its own (the embedded database's password, the sandbox's client secret).
            LogRedaction.use(Redactor.of(demo));
            FerryRuntime.create(demo, RouteLocation.resolve(routes))
                    .onStarted(() -> describe(out, demo, commerce, sandbox, audiences))
                    .runUntilStopped();
        }
        return ExitCodes.OK;
    }

    private Map<String, String> demoSettings(CommerceDemoDatabase commerce, AepSandbox sandbox) {
        SandboxSettings s = sandbox.settings();
        return Map.ofEntries(
                Map.entry(FerrySetting.COMMERCE_DB_URL.key(), commerce.jdbcUrl()),
                Map.entry(FerrySetting.COMMERCE_DB_USER.key(), commerce.user()),
                Map.entry(FerrySetting.COMMERCE_DB_PASSWORD.key(), commerce.password()),
                Map.entry(FerrySetting.ORDERS_ENABLED.key(), "true"),
                Map.entry(FerrySetting.STATE_DB_URL.key(), "jdbc:h2:file:" + data.toAbsolutePath().resolve("ferry-state")),
                Map.entry(FerrySetting.AEP_IMS_URL.key(), sandbox.baseUrl()),
                Map.entry(FerrySetting.AEP_PLATFORM_URL.key(), sandbox.baseUrl()),
                Map.entry(FerrySetting.AEP_STREAMING_URL.key(), sandbox.baseUrl()),
                Map.entry(FerrySetting.AEP_EDGE_URL.key(), sandbox.baseUrl()),
                Map.entry(FerrySetting.AEP_CLIENT_ID.key(), s.clientId()),
                Map.entry(FerrySetting.AEP_CLIENT_SECRET.key(), s.clientSecret()),
                Map.entry(FerrySetting.AEP_ORG_ID.key(), s.imsOrgId()),
                Map.entry(FerrySetting.AEP_SANDBOX_NAME.key(), s.sandboxName()),
                Map.entry(FerrySetting.AEP_DATASTREAM_ID.key(), s.datastreamId()),
                Map.entry(FerrySetting.AEP_STREAMING_CONNECTION_ID.key(), s.streamingConnectionId()),
                Map.entry(FerrySetting.AEP_DATASET_ID.key(), s.datasetId()),
                Map.entry(FerrySetting.AEP_SCHEMA_ID.key(), s.schemaId()));
    }

    private static void describe(PrintStream out, FerryConfig config, CommerceDemoDatabase commerce, AepSandbox sandbox,
                                 DemoAudiences audiences) {
        out.println();
        out.println("Ferry demo is running. Stop it with Ctrl-C.");
        out.println("  Commerce database:  " + commerce.jdbcUrl() + " (" + commerce.describe() + ")");
        out.println("  Ferry state:        " + config.get(FerrySetting.STATE_DB_URL));
        String business = "http://127.0.0.1:" + config.get(FerrySetting.HTTP_PORT);
        out.println("  Storefront events:  POST " + business + "/v1/storefront/events  (snippet: " + business
                + "/v1/storefront/ferry.js)");
        out.println("  Health:             http://127.0.0.1:" + config.get(FerrySetting.MANAGEMENT_PORT) + "/observe/health");
        out.println("  Metrics:            http://127.0.0.1:" + config.get(FerrySetting.MANAGEMENT_PORT) + "/observe/metrics");
        audiences.describe(out, config);
        SandboxCommand.describe(sandbox, out);
        out.println("  Look at " + sandbox.baseUrl() + "/sandbox to see every event AEP would have received.");
    }
}

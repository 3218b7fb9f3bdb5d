package dev.ferry.app.check;

import dev.ferry.app.ExitCodes;
import dev.ferry.core.testing.ScratchDatabase;
import dev.ferry.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.ferry.app.check.CheckRun.closedPort;
import static dev.ferry.app.check.CheckRun.deliveryRoute;
import static dev.ferry.app.check.CheckRun.line;
import static dev.ferry.app.check.CheckRun.validConfig;
import static dev.ferry.app.check.CheckRun.with;
import static dev.ferry.app.check.CheckRun.without;
import static dev.ferry.app.check.CheckRun.writeConfig;
import static dev.ferry.app.check.CheckRun.writeRoute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry check} end to end, in-process, on config and route files written by each test. IMS is pointed at a
 * closed loopback port, so these need no server; {@code FerryCheckIT} runs the passing case against the sandbox.
 */
class FerryCheckTest {

    @TempDir
    Path dir;

    private String closedIms() throws Exception {
        return "http://127.0.0.1:" + closedPort();
    }

    @Test
    void validConfigAndDefaultRoutesPassEveryConfigRouteAndStateCheck() throws Exception {
        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), null, Map.of());

        assertThat(run.lines()).filteredOn(l -> l.startsWith("FAIL")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("FAIL ims-token"));
        assertThat(run.out)
                .contains(line("OK", "config", "ports ferry.http.port=8080, ferry.management.port=8081"))
                .contains(line("OK", "config", "AEP keys set for aep:audiences, aep:edge, aep:streaming"))
                .contains(line("OK", "routes", "classpath:routes/aep-delivery.yaml: 2 routes"))
                .contains(line("OK", "camel", "6 routes from 4 files load and initialise in Camel (not started)"))
                .contains(line("OK", "state-db", "H2 in-memory"))
                .contains(line("SKIP", "commerce-db", "ferry.commerce.db.url is not set"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void aPostgreSqlStateDatabaseOpensWithFerrysTables() throws Exception {
        try (ScratchDatabase database = TestDatabase.POSTGRESQL.create()) {
            Map<String, String> values = with(validConfig(closedIms()), "ferry.state.db.url", database.url());
            values.put("ferry.state.db.user", database.user());

            CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

            assertThat(run.out).contains(line("OK", "state-db", "127.0.0.1:5432 opens, with Ferry's outbox, "
                    + "checkpoint and dead-letter tables"));
        }
    }

    @Test
    void enabledAudiencesWithoutTokensFailNamingEachMissingKey() throws Exception {
        Map<String, String> values = validConfig(closedIms());
        values.put("ferry.audiences.enabled", "true");
        values.put("ferry.audiences.lookup-token", "a-long-random-secret");
        values.put("ferry.commerce.graphql.url", "shop.example.com/graphql");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

        assertThat(run.out).contains("ferry.audiences.destination.token is empty but ferry.audiences.enabled=true "
                + "needs it").contains("ferry.commerce.db.url is empty but ferry.audiences.enabled=true needs it")
                .contains("ferry.commerce.graphql.url").doesNotContain("a-long-random-secret");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void unknownConfigKeyFailsWithFileLineAndNearestKey() throws Exception {
        Map<String, String> values = without(validConfig(closedIms()), "ferry.aep.client-id");
        values.put("ferry.aep.clientid", "abc"); // written last: line 1 is the comment, so line = size + 1
        Path config = writeConfig(dir, values);

        CheckRun run = CheckRun.run(config, null, Map.of());

        assertThat(run.out).contains(line("FAIL", "config", config + ":" + (values.size() + 1)
                + ": unknown key ferry.aep.clientid; did you mean ferry.aep.client-id?"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void misspeltFieldInsideStepsFailsWithFileLineAndNearestField() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- tto: aep:edge"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(line("FAIL", "routes", routes.resolve("orders.yaml")
                + ":9: unknown field 'tto'; did you mean 'to'?"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void misspeltRouteKeyFailsWithLineAndNearestField() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", """
                - route:
                    idd: orders
                    from:
                      uri: outbox:edge
                      steps:
                        - to: aep:edge
                - rute:
                    id: other
                """);

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        String file = routes.resolve("orders.yaml").toString();
        assertThat(run.out)
                .contains(file + ":2: unknown field 'idd'; did you mean 'id'?")
                .contains(file + ":7: unknown field 'rute'; did you mean 'route'?");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void yamlSyntaxErrorFailsWithFileLineAndColumn() throws Exception {
        Path routes = writeRoute(dir, "broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: outbox:edge
                      steps:
                        - to: aep:edge
                       - to: log:x
                """);

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).containsPattern("FAIL routes +" + java.util.regex.Pattern.quote(
                routes.resolve("broken.yaml").toString()) + ":7:\\d+: YAML syntax error: ");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void unknownSchemeFailsNamingTheNearestComponent() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: aepp:edge"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(routes.resolve("orders.yaml")
                + ":9: unknown component 'aepp' in 'aepp:edge'; did you mean 'aep'?");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void unknownAepOptionFailsNamingTheNearestOption() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: aep:edge?datastreamIdd=other"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(routes.resolve("orders.yaml")
                + ":9: unknown option 'datastreamIdd' of aep:edge; did you mean 'datastreamId'?");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void unknownAepOptionInParametersFailsOnTheOptionsOwnLine() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("""
                - to:
                            uri: aep:streaming
                            parameters:
                              schemaId: x
                              datasetID: y
                              datastreamid: z
                              batchTimeut: 10"""));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        // option names are matched ignoring case, as Camel binds them
        assertThat(run.failures()).filteredOn(l -> !l.startsWith("FAIL ims-token"))
                .containsExactly(line("FAIL", "routes", routes.resolve("orders.yaml")
                        + ":15: unknown option 'batchTimeut' of aep:streaming; did you mean 'batchTimeout'?"));
    }

    @Test
    void optionNamesDifferingOnlyInCasePassTheWalkAndCamelAlike() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("""
                - to:
                            uri: aep:streaming
                            parameters:
                              datasetID: y
                        - to: aep:batch?DATASETID=z"""));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.failures()).allMatch(l -> l.startsWith("FAIL ims-token"));
        assertThat(run.out).contains(line("OK", "camel", "1 route from 1 file load and initialise in Camel (not started)"));
    }

    @Test
    void optionsBothInTheUriAndInParametersAreCalledOut() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("""
                - to:
                            uri: aep:streaming?schemaId=s
                            parameters:
                              datasetId: y"""));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(routes.resolve("orders.yaml") + ":10: the uri has options after '?' and "
                + "'parameters' has more");
    }

    @Test
    void unknownAepApiFailsNamingTheNearestApi() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: aep:egde"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(":9: unknown aep:egde (api must be one of edge, streaming, batch, audiences, "
                + "activation); did you mean 'aep:edge'?");
    }

    @Test
    void unknownOptionOfACamelComponentFailsNamingTheNearestOption() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: log:orders?levl=INFO"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(":9: unknown option 'levl' of log:orders; did you mean 'level'?");
    }

    @Test
    void missingClientSecretFailsNamingItsEnvironmentVariable() throws Exception {
        Path config = writeConfig(dir, without(validConfig(closedIms()), "ferry.aep.client-secret"));

        CheckRun run = CheckRun.run(config, null, Map.of());

        assertThat(run.out).contains(line("FAIL", "config", "ferry.aep.client-secret is not set (needed by aep:edge at "
                + "classpath:routes/aep-delivery.yaml:12); set it in the config file or as environment variable "
                + "FERRY_AEP_CLIENT_SECRET"));
        assertThat(run.out).contains(line("SKIP", "ims-token", "ferry.aep.client-secret is not set"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void clientSecretFromTheEnvironmentSatisfiesTheRequirement() throws Exception {
        Path config = writeConfig(dir, without(validConfig(closedIms()), "ferry.aep.client-secret"));

        CheckRun run = CheckRun.run(config, null, Map.of("FERRY_AEP_CLIENT_SECRET", "from-the-environment"));

        assertThat(run.out).doesNotContain("client-secret is not set").doesNotContain("from-the-environment");
        assertThat(run.failures()).allMatch(l -> l.startsWith("FAIL ims-token"));
    }

    @Test
    void resourceIdGivenInTheRouteUriStandsInForItsConfigKey() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: aep:edge?datastreamId=from-the-uri"));
        Path config = writeConfig(dir, without(validConfig(closedIms()), "ferry.aep.datastream-id"));

        CheckRun run = CheckRun.run(config, routes, Map.of());

        assertThat(run.out).doesNotContain("datastream-id is not set");
        assertThat(run.out).contains(line("OK", "config", "AEP keys set for aep:edge"));
    }

    @Test
    void unreachableCommerceDatabaseFailsNamingHostAndPortWithExitCode4() throws Exception {
        int port = closedPort();
        Map<String, String> values = with(validConfig(closedIms()), "ferry.commerce.db.url",
                "jdbc:mariadb://127.0.0.1:" + port + "/magento");
        values.put("ferry.commerce.db.user", "magento");
        values.put("ferry.commerce.db.password", "db-password-never-printed");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

        assertThat(run.out).containsPattern("FAIL commerce-db +cannot connect to 127\\.0\\.0\\.1:" + port + ": ");
        assertThat(run.out + run.err).doesNotContain("db-password-never-printed");
        assertThat(run.exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void unreachableImsFailsNamingTheHost() throws Exception {
        int port = closedPort();
        CheckRun run = CheckRun.run(writeConfig(dir, validConfig("http://127.0.0.1:" + port)), null, Map.of());

        assertThat(run.out).contains(line("FAIL", "ims-token", "127.0.0.1:" + port + ": IMS did not answer"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void invalidConfigWinsOverAFailedConnectionInTheExitCode() throws Exception {
        Map<String, String> values = with(validConfig(closedIms()), "ferry.http.port", "80800");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

        assertThat(run.out).contains(":2: ferry.http.port must be a port number from 1 to 65535, not '80800'");
        assertThat(run.out).contains("FAIL ims-token");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.lines().get(run.lines().size() - 1))
                .isEqualTo("ferry check FAILED: " + run.lines().stream().filter(l -> l.startsWith("OK")).count()
                        + " ok, 2 failed, 1 skipped (exit 3: the configuration or the routes are invalid)");
    }

    @Test
    void urlThatIsNotHttpFailsNamingTheKey() throws Exception {
        Map<String, String> values = with(validConfig(closedIms()), "ferry.aep.edge.url", "server.adobedc.net");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of());

        assertThat(run.out).contains("ferry.aep.edge.url must be an http(s) URL, not 'server.adobedc.net'");
    }

    @Test
    void camelLoaderReportsWhatTheSchemaWalkCannotSee() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- setBody: {}"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(line("OK", "routes", routes.resolve("orders.yaml") + ": 1 route"));
        assertThat(run.out).containsPattern("FAIL camel +" + java.util.regex.Pattern.quote(
                routes.resolve("orders.yaml").toString()) + ":\\d+: route 'orders-to-aep': ");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void routesUsingTheBreadthOfCamelsYamlDslPassTheWalkAndCamelWithoutFalseAlarms() throws Exception {
        Path routes = writeRoute(dir, "wide.yaml", BreadthOfTheDsl.YAML);

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.failures()).as(run.toString()).allMatch(l -> l.startsWith("FAIL ims-token"));
        assertThat(run.out).contains(line("OK", "camel", "3 routes from 1 file load and initialise in Camel (not started)"));
    }

    @Test
    void placeholdersAndDynamicUrisAreCheckedOnlyAsFarAsTheyAreKnown() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- to: \"aep:edge?datastreamId={{ferry.aep.datastream-id}}\"")
                + "        - toD: \"log:${header.channel}\"\n");

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.failures()).allMatch(l -> l.startsWith("FAIL ims-token"));
    }

    @Test
    void failuresPrintNoStackTraceUnlessVerbose() throws Exception {
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- setBody: {}"));
        Path config = writeConfig(dir, validConfig(closedIms()));

        CheckRun quiet = CheckRun.run(config, routes, Map.of());
        CheckRun verbose = CheckRun.run(config, routes, Map.of(), true);

        assertThat(quiet.out + quiet.err).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(verbose.err).contains("\tat ");
    }

    @Test
    void secretsNeverReachTheOutputEvenInsideAnError() throws Exception {
        Map<String, String> values = with(validConfig(closedIms()), "ferry.state.db.url",
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ferry?password=state-db-secret");
        values.put("ferry.state.db.password", "state-db-secret");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of(), true);

        assertThat(run.out + run.err).doesNotContain("state-db-secret").doesNotContain("ferry-check-secret-value");
        assertThat(run.out).contains("FAIL state-db");
    }

    @Test
    void aDatabaseUrlWithoutItsJdbcPrefixFailsWithoutBeingQuoted() throws Exception {
        Map<String, String> values = with(validConfig(closedIms()), "ferry.state.db.url",
                "ferry:state-db-secret@pg:5432/ferry");

        CheckRun run = CheckRun.run(writeConfig(dir, values), null, Map.of(), true);

        assertThat(run.out).contains("ferry.state.db.url is not a JDBC URL (jdbc:...)");
        assertThat(run.out + run.err).doesNotContain("state-db-secret");
    }

    @Test
    void missingRoutesDirectoryIsAnInvalidConfig() throws Exception {
        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), dir.resolve("nowhere"), Map.of());

        assertThat(run.out).contains(line("FAIL", "routes", "routes directory not found: " + dir.resolve("nowhere")));
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void missingConfigFileIsAnInvalidConfigAndSkipsTheConnections() throws Exception {
        CheckRun run = CheckRun.run(dir.resolve("absent.properties"), null, Map.of());

        assertThat(run.out).contains(line("FAIL", "config", "config file not found: " + dir.resolve("absent.properties")))
                .contains(line("SKIP", "state-db", "the config file did not load"));
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    }

    @Test
    void duplicateRouteIdsAcrossFilesFailNamingBothPlaces() throws Exception {
        writeRoute(dir, "a.yaml", deliveryRoute("- to: aep:edge"));
        Path routes = writeRoute(dir, "b.yaml", deliveryRoute("- to: aep:streaming"));

        CheckRun run = CheckRun.run(writeConfig(dir, validConfig(closedIms())), routes, Map.of());

        assertThat(run.out).contains(routes.resolve("b.yaml") + ":3: route id 'orders-to-aep' is already used at "
                + routes.resolve("a.yaml") + ":3");
    }
}

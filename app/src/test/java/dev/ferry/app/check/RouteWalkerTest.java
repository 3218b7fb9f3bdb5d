package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The walk of YAML nodes against Camel's own YAML DSL schema. */
class RouteWalkerTest {

    private final RouteWalker walker = new RouteWalker(CamelYamlSchema.get());

    private RouteWalker.FileReport walk(String yaml) {
        return walker.walk(new RouteFile("routes/test.yaml", "file:/tmp/routes/test.yaml", yaml));
    }

    private static java.util.List<String> details(RouteWalker.FileReport report) {
        return report.failures.stream().map(CheckResult::detail).toList();
    }

    @Test
    void acceptsRoutesThatUseExpressionsChoiceAndEndpointParameters() {
        RouteWalker.FileReport report = walk("""
                - route:
                    id: r
                    from:
                      uri: timer:tick
                      parameters:
                        period: 1000
                      steps:
                        - setHeader:
                            name: channel
                            simple: "${body}"
                        - choice:
                            when:
                              - simple: "${header.channel} == 'edge'"
                                steps:
                                  - to: aep:edge
                            otherwise:
                              steps:
                                - to:
                                    uri: aep:streaming
                                    parameters:
                                      datasetId: other
                        - log: done
                """);

        assertThat(details(report)).isEmpty();
        assertThat(report.routes).isEqualTo(1);
        assertThat(report.routeIds).extracting(java.util.Map.Entry::getKey).containsExactly("r");
        assertThat(report.endpoints).extracting(EndpointUse::uri)
                .containsExactly("timer:tick", "aep:edge", "aep:streaming");
        assertThat(report.endpoints.get(0).options()).containsKey("period");
        assertThat(report.endpoints.get(2).options().get("datasetId").source()).isEqualTo("routes/test.yaml:21");
    }

    @Test
    void misspeltFieldInsideAnExpressionStepNamesTheNearestLanguage() {
        RouteWalker.FileReport report = walk("""
                - from:
                    uri: timer:tick
                    steps:
                      - filter:
                          simpel: "${body} != null"
                          steps:
                            - to: log:x
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:5: unknown field 'simpel'; did you mean 'simple'?");
    }

    @Test
    void twoStepsInOneListEntryAreCalledOut() {
        RouteWalker.FileReport report = walk("""
                - from:
                    uri: timer:tick
                    steps:
                      - log: a
                        to: log:b
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:5: 'log' and 'to' are in one list entry; "
                + "start each with its own '- ' (check the indentation)");
    }

    @Test
    void stepsWrittenAsAMappingInsteadOfAListAreCalledOut() {
        RouteWalker.FileReport report = walk("""
                - from:
                    uri: timer:tick
                    steps:
                      to: log:b
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:4: 'steps' must be a list (- item), not a mapping (field: value)");
    }

    @Test
    void oneValueFormWhereTheDslHasNoneIsCalledOut() {
        // Camel's own loader only says "UnsupportedOperationException" here
        RouteWalker.FileReport report = walk("""
                - from:
                    uri: timer:tick
                    steps:
                      - wireTap: "log:tap"
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:4: 'wireTap' must be a mapping (field: value), "
                + "not a single value");
    }

    @Test
    void missingRequiredFieldNamesItsParent() {
        RouteWalker.FileReport report = walk("""
                - route:
                    id: r
                    from:
                      steps:
                        - to: log:b
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:4: 'from' is missing the field 'uri'");
    }

    @Test
    void keyWrittenTwiceIsCalledOut() {
        RouteWalker.FileReport report = walk("""
                - route:
                    id: r
                    id: s
                    from:
                      uri: timer:x
                      steps:
                        - to: log:b
                """);

        assertThat(details(report)).containsExactly("routes/test.yaml:3: field 'id' is written twice (also on line 2)");
    }

    @Test
    void aFileThatIsNoListIsCalledOut() {
        assertThat(details(walk("route:\n  id: r\n"))).singleElement().asString()
                .startsWith("routes/test.yaml:1: a routes file is a YAML list of entries such as '- route:'");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        RouteWalker.FileReport report = walk("- route:\n    id: [unclosed\n");

        assertThat(details(report)).singleElement().asString().matches("routes/test\\.yaml:\\d+:\\d+: YAML syntax error: .*");
    }
}

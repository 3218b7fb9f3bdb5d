package dev.ferry.app.check;

/** Valid routes using much of Camel's YAML DSL: {@code ferry check} must pass them without a false alarm. */
final class BreadthOfTheDsl {

    static final String YAML = """
            - beans:
                - name: myProps
                  type: java.util.Properties
            - routeConfiguration:
                id: cfg
                onException:
                  - onException:
                      exception:
                        - java.lang.IllegalStateException
                      handled:
                        constant: "true"
                      steps:
                        - log: "failed: ${exception.message}"
            - errorHandler:
                defaultErrorHandler:
                  redeliveryPolicy:
                    maximumRedeliveries: 3
            - routeTemplate:
                id: tick-template
                parameters:
                  - name: period
                    defaultValue: "1000"
                from:
                  uri: "timer:{{name}}?period={{period}}"
                  steps:
                    - to: log:tpl
            - templatedRoute:
                routeTemplateRef: tick-template
                routeId: templated
                parameters:
                  - name: name
                    value: tpl1
            - route:
                id: wide
                routeConfigurationId: cfg
                autoStartup: false
                from:
                  uri: direct:get-order
                  steps:
                    - setHeader:
                        name: x
                        expression:
                          simple:
                            expression: "${body}"
                    - setProperty:
                        name: p
                        constant: "1"
                    - doTry:
                        steps:
                          - to: log:try
                        doCatch:
                          - exception:
                              - java.lang.Exception
                            steps:
                              - to: log:catch
                        doFinally:
                          steps:
                            - to: log:finally
                    - split:
                        tokenize: ","
                        steps:
                          - to: log:part
                    - aggregate:
                        correlationExpression:
                          header: x
                        completionSize: 2
                        aggregationStrategy: "#class:org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy"
                        steps:
                          - to: log:agg
                    - filter:
                        expression:
                          simple: "${body} != null"
                        steps:
                          - removeHeaders:
                              pattern: "tmp*"
                    - convertBodyTo:
                        type: java.lang.String
                    - transform:
                        simple: "${body}"
                    - delay:
                        constant: 10
                    - loop:
                        constant: 2
                        steps:
                          - to: log:loop
                    - multicast:
                        steps:
                          - to: log:a
                          - to: log:b
                    - wireTap:
                        uri: log:tap
                    - to:
                        uri: log:done
                        parameters:
                          level: INFO
                          showAll: true
            - from:
                uri: timer:bare
                parameters:
                  repeatCount: 1
                steps:
                  - log: bare
            """;

    private BreadthOfTheDsl() {
    }
}

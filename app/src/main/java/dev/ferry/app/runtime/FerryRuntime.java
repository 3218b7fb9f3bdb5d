package dev.ferry.app.runtime;

import dev.ferry.app.admin.AdminApi;
import dev.ferry.core.cluster.LeadershipHealthCheck;
import dev.ferry.core.cluster.StateClusterService;
import dev.ferry.core.config.ConfigException;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.outbox.OutboxHealthCheck;
import dev.ferry.core.state.DeadLetterRetention;
import dev.ferry.core.state.StateDatabase;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ferry's runtime: Camel Main with the YAML routes, the business HTTP server, the management server (health and
 * metrics on their own port) and Ferry's state database bound for the outbox.
 */
public final class FerryRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FerryRuntime.class);
    /** The route policy of the routes that run on one node of the cluster at a time. */
    public static final String LEADER_POLICY = "ferryLeader";
    private static final String CLUSTER_NAMESPACE = "ferry";
    /** Renewed every third of the timeout: shorter would make each node write to the state database constantly. */
    private static final int MIN_LEASE_TIMEOUT_MILLIS = 1_000;

    private final FerryConfig config;
    private final RouteLocation routes;
    private final StateDatabase state;
    private final Main main;
    private DeadLetterRetention retention;

    private FerryRuntime(FerryConfig config, RouteLocation routes) {
        this.config = config;
        this.routes = routes;
        AdminApi.checkExposure(config);
        this.state = StateDatabase.open(config.get(FerrySetting.STATE_DB_URL), config.get(FerrySetting.STATE_DB_USER),
                config.get(FerrySetting.STATE_DB_PASSWORD));
        this.main = new Main();
        main.setInitialProperties(CamelProperties.of(config, routes));
        main.bind("ferryState", state);
        main.bind("ferryOutboxHealth", new OutboxHealthCheck(state));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport main) {
                joinCluster(main.getCamelContext());
                UndecodablePathFilter.install();
                AdminApi.limitBodies(main.getCamelContext());
            }

            @Override
            public void afterStart(BaseMainSupport main) {
                QueryStringGuard.mount(main.getCamelContext());
                AdminApi.mount(main.getCamelContext(), state, config);
                ClientErrorAnswer.mount(main.getCamelContext());
            }
        });
    }

    /**
     * Every node sharing the state database is one Ferry cluster: the routes with {@code routePolicy: ferryLeader}
     * (pollers, outbox deliveries) run on the one node that leads it, the others (the collectors) on every node.
     */
    private void joinCluster(CamelContext camel) {
        int timeoutMillis = config.getInt(FerrySetting.CLUSTER_LEASE_TIMEOUT);
        if (timeoutMillis < MIN_LEASE_TIMEOUT_MILLIS) {
            throw new ConfigException(FerrySetting.CLUSTER_LEASE_TIMEOUT.key() + " must be at least "
                    + MIN_LEASE_TIMEOUT_MILLIS + " ms, not " + timeoutMillis);
        }
        StateClusterService cluster = new StateClusterService(state, Duration.ofMillis(timeoutMillis),
                Clock.systemUTC());
        camel.getRegistry().bind("ferryClusterHealth", new LeadershipHealthCheck(cluster, CLUSTER_NAMESPACE));
        try {
            camel.addService(cluster);
            camel.getRegistry().bind(LEADER_POLICY, ClusteredRoutePolicy.forNamespace(camel, CLUSTER_NAMESPACE));
        } catch (Exception e) {
            throw new IllegalStateException("could not join the cluster of the state database's nodes", e);
        }
    }

    public static FerryRuntime create(FerryConfig config, RouteLocation routes) {
        return new FerryRuntime(config, routes);
    }

    /** Runs once Camel and every route have started, e.g. to tell the operator where to look. */
    public FerryRuntime onStarted(Runnable action) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                action.run();
            }
        });
        return this;
    }

    /** Runs until SIGTERM or Ctrl-C; Camel then stops intake first and lets in-flight exchanges finish. */
    public void runUntilStopped() throws Exception {
        LOG.info("Ferry starting: routes from {}, business port {}, management port {}", routes,
                config.get(FerrySetting.HTTP_PORT), config.get(FerrySetting.MANAGEMENT_PORT));
        startRetention();
        try {
            main.run();
        } finally {
            retention.close();
            state.close();
        }
    }

    /** Starts without blocking, for `ferry demo` and the tests. */
    public void start() throws Exception {
        startRetention();
        main.start();
    }

    private void startRetention() {
        try {
            retention = DeadLetterRetention.start(state,
                    DeadLetterRetention.parseAge(config.get(FerrySetting.DLQ_RETENTION)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FerrySetting.DLQ_RETENTION.key() + ": " + e.getMessage());
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public StateDatabase state() {
        return state;
    }

    @Override
    public void close() throws Exception {
        main.stop();
        if (retention != null) {
            retention.close();
        }
        state.close();
    }
}

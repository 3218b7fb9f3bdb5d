package dev.ferry.core.cluster;

import dev.ferry.core.state.Lease;
import dev.ferry.core.state.StateException;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Tells on the health endpoint whether this node leads the cluster's once-per-cluster routes, and which node does.
 * Always UP: a node that does not lead is healthy, and the outbox check is the one that turns DOWN when the state
 * database is gone.
 */
public final class LeadershipHealthCheck extends AbstractHealthCheck {

    private final StateClusterService cluster;
    private final String namespace;

    public LeadershipHealthCheck(StateClusterService cluster, String namespace) {
        super("ferry", "cluster");
        this.cluster = cluster;
        this.namespace = namespace;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("cluster.leads", cluster.isLeader(namespace));
        try {
            builder.detail("cluster.leader", cluster.leaderOf(namespace).map(Lease.Holder::describe).orElse("none"));
        } catch (StateException e) {
            builder.detail("cluster.leader", "unknown: the state database does not answer");
        }
        builder.up();
    }
}

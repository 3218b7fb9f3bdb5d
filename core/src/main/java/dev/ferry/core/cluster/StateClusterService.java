package dev.ferry.core.cluster;

import dev.ferry.core.state.Lease;
import dev.ferry.core.state.StateDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * A Camel cluster service on Ferry's state database, which every node of a Ferry cluster shares already: Camel has
 * none backed by a database. The leader of each namespace is the node holding that namespace's {@link
 * dev.ferry.core.state.Lease}, so Camel's {@code ClusteredRoutePolicy} (and the {@code master:} component) run a
 * route on one node at a time and move it to another within about the lease's timeout when that node dies.
 */
public final class StateClusterService extends AbstractCamelClusterService<StateClusterView> {

    private final StateDatabase state;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param timeout how long a leader that stopped renewing keeps its namespaces: the others take over after it, a
     *                leader that cannot renew steps down before it; renewals come three times within it
     */
    public StateClusterService(StateDatabase state, Duration timeout, Clock clock) {
        super("ferry-state");
        if (timeout.toMillis() < 3) {
            throw new IllegalArgumentException("the lease timeout must be at least 3 ms, was " + timeout);
        }
        this.state = state;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    protected StateClusterView createView(String namespace) {
        return new StateClusterView(this, namespace, state.checkpoints(), leaseKey(namespace), timeout, clock);
    }

    /** Who leads the namespace, as its lease in the state database says: this node or another; empty when none does. */
    public Optional<Lease.Holder> leaderOf(String namespace) {
        return Lease.holderOf(state.checkpoints(), leaseKey(namespace));
    }

    private static String leaseKey(String namespace) {
        return "cluster-leader:" + namespace;
    }
}

package dev.ferry.core.cluster;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.state.Checkpoints;
import dev.ferry.core.state.Lease;
import dev.ferry.core.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of the {@link StateClusterService}: every third of the lease's timeout, the leader renews the
 * namespace's lease and the others try to claim it. A leader that finds its lease taken over steps down at once; one
 * that cannot reach the state database steps down once a renewal is overdue by two thirds of the timeout, before any
 * other node may take the lease (clocks agreeing within the remaining third).
 */
public final class StateClusterView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(StateClusterView.class);

    private final Checkpoints checkpoints;
    private final Duration timeout;
    private final Duration renewal;
    private final Clock clock;
    private final String key;
    private final StateClusterMember self;
    private ScheduledExecutorService ticker;
    private Lease lease;
    private long lastRenewedMillis;
    private volatile Optional<StateClusterMember> leader = Optional.empty();

    StateClusterView(StateClusterService service, String namespace, Checkpoints checkpoints, String key,
                     Duration timeout, Clock clock) {
        super(service, namespace);
        this.checkpoints = checkpoints;
        this.timeout = timeout;
        this.renewal = timeout.dividedBy(3);
        this.clock = clock;
        this.key = key;
        this.self = new StateClusterMember(Lease.Holder.self(clock.instant()).describe(), false, true);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader.map(CamelClusterMember.class::cast);
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return leader.filter(StateClusterMember::local).orElse(self);
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        List<CamelClusterMember> members = new ArrayList<>();
        members.add(getLocalMember());
        leader.filter(member -> !member.local()).ifPresent(members::add);
        return members;
    }

    @Override
    protected void doStart() {
        ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-" + getNamespace()));
        ticker.scheduleWithFixedDelay(this::tick, 0, renewal.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (ticker == null) {
            return; // released before it started: Camel stopping after a failed start
        }
        ticker.shutdownNow();
        ticker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (lease != null) {
                try {
                    lease.release();
                } catch (StateException e) {
                    LOG.warn("could not give back the leadership of {} ({}); it lapses after {}", getNamespace(),
                            e.getMessage(), timeout);
                }
                lease = null;
            }
            changeLeader(Optional.empty());
        }
    }

    /** Renews the lease when leading, else tries to take it. */
    synchronized void tick() {
        try {
            if (lease != null) {
                renew();
            } else {
                claim();
            }
        } catch (StateException e) {
            if (lease != null && clock.millis() - lastRenewedMillis > timeout.toMillis() - renewal.toMillis()) {
                LOG.warn("{} gives up leading {}: the state database has not answered for {} ms ({})",
                        self.id(), getNamespace(), clock.millis() - lastRenewedMillis, e.getMessage());
                lease = null;
                changeLeader(Optional.empty());
            } else {
                LOG.debug("could not reach the state database for the leadership of {}", getNamespace(), e);
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: this view would keep its last state for ever
            LOG.error("the leadership of {} could not be checked", getNamespace(), e);
        }
    }

    private void renew() {
        if (lease.renew()) {
            lastRenewedMillis = clock.millis();
            return;
        }
        Optional<Lease.Holder> taker = lease.currentHolder();
        LOG.warn("{} no longer leads {}: {} took the lease over", self.id(), getNamespace(),
                taker.map(Lease.Holder::describe).orElse("another node"));
        lease = null;
        changeLeader(taker.map(StateClusterView::remote));
    }

    private void claim() {
        Lease.Claim claim = Lease.claim(checkpoints, key, timeout, clock, Lease.Holder.self(clock.instant()));
        if (claim.lease().isPresent()) {
            lease = claim.lease().get();
            lastRenewedMillis = clock.millis();
            LOG.info("{} leads {}{}", self.id(), getNamespace(), claim.previous()
                    .map(gone -> ", taking over from " + gone.describe() + ", which stopped renewing").orElse(""));
            changeLeader(Optional.of(new StateClusterMember(self.id(), true, true)));
        } else {
            changeLeader(claim.previous().map(StateClusterView::remote));
        }
    }

    private static StateClusterMember remote(Lease.Holder holder) {
        return new StateClusterMember(holder.describe(), true, false);
    }

    private void changeLeader(Optional<StateClusterMember> now) {
        if (!now.equals(leader)) {
            leader = now;
            fireLeadershipChangedEvent(now.map(CamelClusterMember.class::cast));
        }
    }
}

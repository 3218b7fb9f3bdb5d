package dev.ferry.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.state.Lease;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateClusterServiceTest {

    private static final Duration TIMEOUT = Duration.ofMillis(600);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final StateDatabase state = StateDatabase.open("jdbc:h2:mem:cluster-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "", "");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final List<CamelContext> contexts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (CamelContext context : contexts) {
            context.close();
        }
        state.close();
    }

    @Test
    void aClusteredRouteRunsOnOneNodeAndMovesToTheOtherWhenThatNodeStops() throws Exception {
        AtomicInteger firstNode = new AtomicInteger();
        AtomicInteger secondNode = new AtomicInteger();
        CamelContext first = node(firstNode);
        await().atMost(WITHIN).until(() -> firstNode.get() > 0);
        CamelContext second = node(secondNode);

        Thread.sleep(TIMEOUT.toMillis() * 2);
        assertThat(secondNode.get()).as("the second node while the first leads").isZero();

        first.stop();
        await().atMost(WITHIN).until(() -> secondNode.get() > 0);
        assertThat(second.getRouteController().getRouteStatus("poller").isStarted()).isTrue();
    }

    @Test
    void aNodeThatStoppedRenewingIsTakenOverOnceItsLeaseTimedOut() throws Exception {
        Lease.Holder crashed = new Lease.Holder("other-host", 4711, clock.millis(), clock.millis());
        assertThat(Lease.claim(state.checkpoints(), "cluster-leader:orders", TIMEOUT, clock, crashed).lease())
                .isPresent();
        CamelClusterView view = view(new StateClusterService(state, TIMEOUT, clock), "orders");
        List<Optional<CamelClusterMember>> leaders = leadershipEvents(view);

        await().atMost(WITHIN).until(() -> view.getLeader().isPresent());
        assertThat(view.getLeader()).hasValueSatisfying(leader -> {
            assertThat(leader.getId()).isEqualTo("process 4711 on other-host");
            assertThat(leader.isLocal()).isFalse();
        });
        assertThat(view.getLocalMember().isLeader()).isFalse();

        clock.advance(TIMEOUT.plusMillis(1));
        await().atMost(WITHIN).until(() -> view.getLocalMember().isLeader());
        assertThat(leaders).last().satisfies(leader -> assertThat(leader).hasValueSatisfying(
                member -> assertThat(member.isLocal()).isTrue()));
    }

    @Test
    void aLeaderWhoseLeaseWasTakenOverStepsDownAtItsNextRenewal() throws Exception {
        CamelClusterView view = view(new StateClusterService(state, TIMEOUT, clock), "orders");
        await().atMost(WITHIN).until(() -> view.getLocalMember().isLeader());
        String held = state.checkpoints().get("cluster-leader:orders").orElseThrow();

        Lease.Holder taker = new Lease.Holder("other-host", 4711, clock.millis(), clock.millis());
        assertThat(state.checkpoints().replace("cluster-leader:orders", held,
                "{\"host\":\"other-host\",\"pid\":4711,\"since\":" + taker.since() + ",\"renewed\":"
                        + taker.renewed() + "}")).isTrue();

        await().atMost(WITHIN).until(() -> !view.getLocalMember().isLeader());
        assertThat(view.getLeader()).hasValueSatisfying(
                leader -> assertThat(leader.getId()).isEqualTo("process 4711 on other-host"));
    }

    @Test
    void healthSaysWhetherThisNodeLeadsAndWhichNodeDoes() throws Exception {
        Lease.Holder other = new Lease.Holder("other-host", 4711, clock.millis(), clock.millis());
        Lease.claim(state.checkpoints(), "cluster-leader:orders", TIMEOUT, clock, other);
        StateClusterService service = new StateClusterService(state, TIMEOUT, clock);
        CamelClusterView view = view(service, "orders");
        await().atMost(WITHIN).until(() -> view.getLeader().isPresent());
        LeadershipHealthCheck health = new LeadershipHealthCheck(service, "orders");
        health.setCamelContext(contexts.get(0));

        assertThat(health.call().getDetails()).containsEntry("cluster.leads", false)
                .containsEntry("cluster.leader", "process 4711 on other-host");
        clock.advance(TIMEOUT.plusMillis(1));
        await().atMost(WITHIN).until(() -> view.getLocalMember().isLeader());
        assertThat(health.call().getDetails()).containsEntry("cluster.leads", true)
                .containsEntry("cluster.leader", view.getLocalMember().getId());
    }

    @Test
    void aStoppedLeaderGivesItsLeaseBackAtOnce() throws Exception {
        StateClusterService service = new StateClusterService(state, Duration.ofMinutes(5), clock);
        CamelClusterView view = view(service, "orders");
        await().atMost(WITHIN).until(() -> view.getLocalMember().isLeader());

        service.stop();

        assertThat(state.checkpoints().get("cluster-leader:orders")).isEmpty();
    }

    /** A node: a Camel context with its own cluster service on the shared state database, and a clustered route. */
    private CamelContext node(AtomicInteger polls) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.addService(new StateClusterService(state, TIMEOUT, Clock.systemUTC()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("timer:poll?period=50").routeId("poller")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("orders"))
                        .process(exchange -> polls.incrementAndGet());
            }
        });
        context.start();
        return context;
    }

    private CamelClusterView view(StateClusterService service, String namespace) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.addService(service);
        context.start();
        return service.getView(namespace);
    }

    private static List<Optional<CamelClusterMember>> leadershipEvents(CamelClusterView view) {
        List<Optional<CamelClusterMember>> leaders = new CopyOnWriteArrayList<>();
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> leaders.add(Optional.ofNullable(leader)));
        return leaders;
    }
}

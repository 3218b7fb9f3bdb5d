package dev.ferry.orders;

import dev.ferry.core.outbox.OutboxFullException;
import dev.ferry.core.outbox.OutboxHeaders;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderChangeKind;
import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesOrderReader;
import dev.ferry.core.sales.SalesRows;
import dev.ferry.core.sales.UnmappableOrders;
import dev.ferry.orders.changes.OrderChangeDetector;
import dev.ferry.orders.changes.OrderWatermarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each poll: detect the changes since the watermarks, map each to one XDM event, and send ONE exchange whose body is
 * the poll's {@code List<XdmEvent>} (in change order) and whose {@code FerryCheckpoints} header holds the new
 * watermarks. Only when that exchange succeeds does the consumer adopt them; on failure it keeps the old ones and
 * detects the same changes again next poll (the outbox drops an _id it already holds).
 *
 * <p>When the Commerce database cannot be read the watermarks stay, health turns DOWN and the next attempts back
 * off ({@link RetryBackoff}); when the outbox refuses because it is above its high-water mark the poller pauses
 * without reading the Commerce database ({@link OutboxPause}). Health and meters read {@link OrderPollerStatus}.
 */
public class CommerceOrdersConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceOrdersConsumer.class);

    private final CommerceOrdersEndpoint endpoint;
    private final OrderEventMapper mapper;
    private final OrderPollerStatus status = new OrderPollerStatus();
    private final RetryBackoff retry;
    private final OutboxPause pause = new OutboxPause();
    private volatile OrderWatermarks watermarks;
    /** Whether the last committed poll stopped at maxChangesPerPoll, so the next one runs at once. */
    private volatile boolean backlogLeft;
    private StateDatabase state;
    private OrderPollerHealthCheck health;
    private AutoCloseable meters;

    public CommerceOrdersConsumer(CommerceOrdersEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.mapper = new OrderEventMapper(endpoint.getCustomerIdNamespace());
        this.retry = new RetryBackoff(endpoint.getPollInterval(), endpoint.getMaxRetryDelay());
    }

    @Override
    protected void doStart() throws Exception {
        state = getEndpoint().getCamelContext().getRegistry().findSingleByType(StateDatabase.class);
        if (state == null) {
            throw new IllegalStateException("commerce-orders: needs Ferry's StateDatabase in the registry");
        }
        endpoint.eventKinds(); // fails fast on an unknown event name
        startFrom(); // and on a start point that is not an instant
        // The start point is fixed when the consumer starts, not at its first poll, so "now" means now.
        try (Connection connection = endpoint.connect()) {
            watermarks = initial(connection, endpoint.checkpointPrefix());
        } catch (SQLException | RuntimeException e) {
            // A connection pool that cannot connect at all throws a RuntimeException; Ferry starts anyway, and the
            // polls retry and report the database on the health endpoint.
            LOG.warn("commerce-orders:{} cannot reach the Commerce database yet ({}); it will retry at each poll",
                    endpoint.getName(), oneLine(e));
        }
        health = new OrderPollerHealthCheck(endpoint.checkpointPrefix(), status);
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (healthChecks != null) {
            healthChecks.register(health);
        }
        meters = OrderPollerMeters.bind(getEndpoint().getCamelContext(), endpoint.getName(), status);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (healthChecks != null && health != null) {
            healthChecks.unregister(health);
        }
        if (meters != null) {
            meters.close();
            meters = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        long now = System.currentTimeMillis();
        if (pause.paused() && !(pause.askAgain(now) && outboxTakesEventsAgain(now))) {
            return 0;
        }
        if (!retry.due(now)) {
            return 0;
        }
        String prefix = endpoint.checkpointPrefix();
        List<XdmEvent> events = new ArrayList<>();
        OrderChangeDetector.Detection detection;
        Map<String, String> checkpoints;
        long warningsBefore = mapper.warnings();
        int unmappable = 0;
        try (Connection connection = endpoint.connect()) {
            if (watermarks == null) {
                watermarks = initial(connection, prefix);
            }
            OrderChangeDetector detector = new OrderChangeDetector(Duration.ofSeconds(endpoint.getOverlapSeconds()),
                    endpoint.eventKinds(), endpoint.storeIds(connection), endpoint.getMaxChangesPerPoll());
            detection = detector.detect(connection, watermarks, prefix, key -> state.checkpoints().get(key));
            checkpoints = new LinkedHashMap<>(detection.next().toCheckpoints(prefix));
            Set<Long> orderIds = new LinkedHashSet<>();
            detection.changes().forEach(change -> orderIds.add(change.orderId()));
            Map<Long, SalesOrder> orders = new SalesOrderReader().read(connection, orderIds);
            for (OrderChange change : detection.changes()) {
                try {
                    SalesOrder order = orders.get(change.orderId());
                    if (order == null) {
                        throw new IllegalArgumentException("the order is gone from sales_order");
                    }
                    events.add(mapper.map(change, order));
                    if (change.kind() == OrderChangeKind.CANCELLED || change.kind() == OrderChangeKind.COMPLETED) {
                        checkpoints.put(OrderChangeDetector.doneKey(prefix, change.kind(), change.orderId()),
                                change.time().toString());
                    }
                } catch (RuntimeException e) {
                    unmappable++;
                    LOG.warn("{}; kept in the dead letters and skipped", UnmappableOrders.record(state,
                            "commerce-orders", change.orderId(), change.incrementId(), change.key(), e.getMessage()));
                }
            }
        } catch (SQLException | RuntimeException e) {
            readFailed(e, now);
            return 0;
        }
        readSucceeded();
        long warnings = mapper.warnings() - warningsBefore;
        if (events.isEmpty() && detection.next().equals(watermarks)) {
            return 0;
        }
        detection.changes().stream().map(OrderChange::time).min(Instant::compareTo).ifPresent(status::pending);
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(events);
            exchange.getIn().setHeader(OutboxHeaders.CHECKPOINTS, checkpoints);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                notCommitted(exchange, now);
                return 0;
            }
            watermarks = detection.next();
            backlogLeft = detection.capped();
            Map<String, Integer> byType = new LinkedHashMap<>();
            events.forEach(event -> byType.merge(event.eventType(), 1, Integer::sum));
            status.committed(byType, warnings, unmappable);
            return events.size();
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** A backlog larger than one poll is read poll after poll, without waiting for the poll interval. */
    @Override
    public boolean isGreedy() {
        return backlogLeft || super.isGreedy();
    }

    private OrderWatermarks initial(Connection connection, String prefix) throws SQLException {
        var saved = OrderWatermarks.fromCheckpoints(prefix, key -> state.checkpoints().get(key));
        if (saved.isPresent()) {
            return saved.get();
        }
        Instant floor = startFrom().orElse(null);
        if (floor == null) {
            Object now = SalesRows.select(connection, "SELECT UTC_TIMESTAMP() AS now").get(0).get("now");
            floor = now instanceof Instant instant ? instant : Instant.now();
        }
        OrderWatermarks fresh = OrderWatermarks.startingAt(floor);
        // The start point is written at once, so a restart before the first change keeps it.
        state.checkpoints().put(prefix + ".floor", floor.toString());
        LOG.info("commerce-orders:{} starts from {}", endpoint.getName(), floor);
        return fresh;
    }

    /** The configured start point, or empty for "now" (the database's clock when the consumer first connects). */
    private Optional<Instant> startFrom() {
        String startFrom = endpoint.getStartFrom().trim();
        if ("now".equalsIgnoreCase(startFrom)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(startFrom));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("commerce-orders:" + endpoint.getName() + ": startFrom must be now or "
                    + "an ISO-8601 instant such as 2026-01-01T00:00:00Z, not " + startFrom);
        }
    }

    private void readFailed(Exception failure, long now) {
        String reason = oneLine(failure);
        boolean first = retry.failures() == 0;
        long wait = retry.failed(now);
        status.readFailed(reason);
        if (first) {
            LOG.warn("commerce-orders:{} cannot read the Commerce database ({}); the watermarks stay, next attempt "
                    + "in {} ms, backing off up to {} ms", endpoint.getName(), reason, wait, endpoint.getMaxRetryDelay());
        } else {
            LOG.debug("commerce-orders:{} still cannot read the Commerce database ({}); next attempt in {} ms",
                    endpoint.getName(), reason, wait);
        }
    }

    private void readSucceeded() {
        if (retry.failures() > 0) {
            LOG.info("commerce-orders:{} reads the Commerce database again, after {} failed attempts",
                    endpoint.getName(), retry.failures());
        }
        retry.succeeded();
        status.readSucceeded();
    }

    /** The exchange failed: the watermarks stay; an outbox above its high-water mark makes the poller pause. */
    private void notCommitted(Exchange exchange, long now) {
        Optional<OutboxFullException> full = OutboxFullException.in(exchange.getException());
        if (full.isEmpty()) {
            getExceptionHandler().handleException("commerce-orders: the poll's events were not committed; "
                    + "the watermarks stay", exchange, exchange.getException());
            return;
        }
        if (pause.refused(full.get(), now, endpoint.getPollInterval())) {
            status.paused(full.get().getMessage());
            LOG.warn("commerce-orders:{} pauses, the watermarks stay: {}", endpoint.getName(), full.get().getMessage());
        }
    }

    /**
     * Paused, asks the route with an empty exchange whether the outbox takes events again (an empty append is
     * refused above the high-water mark and costs nothing below it); the Commerce database is not read.
     */
    private boolean outboxTakesEventsAgain(long now) throws Exception {
        Exchange probe = createExchange(false);
        try {
            probe.getIn().setBody(List.of());
            getProcessor().process(probe);
            Optional<OutboxFullException> full = OutboxFullException.in(probe.getException());
            if (full.isPresent()) {
                pause.refused(full.get(), now, endpoint.getPollInterval());
                return false;
            }
        } finally {
            releaseExchange(probe, false);
        }
        pause.resume();
        status.resumed();
        LOG.info("commerce-orders:{} resumes: the outbox takes events again", endpoint.getName());
        return true;
    }

    /** The failure and, when it has one, its innermost cause (the refused connection, the denied table), on one line. */
    private static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

    /** The poller's standing: committed events, lag, database and pause, as its health check and meters see it. */
    public OrderPollerStatus getPollerStatus() {
        return status;
    }

    /** Milliseconds since the oldest change that is detected but not yet committed; 0 when none waits. */
    public long getLagMillis() {
        return status.lag(Instant.now()).toMillis();
    }

    /** Events committed per eventType since start. */
    public Map<String, Long> getEventCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        status.committedByType().forEach((type, count) -> out.put(type, count.sum()));
        return out;
    }

    /** Values left out of committed events because Magento would never write them (NULL currency, bad JSON...). */
    public long getWarnings() {
        return status.warnings().sum();
    }

    /** Changes that could not be mapped at all and were skipped. */
    public long getUnmappable() {
        return status.unmappable().sum();
    }
}

package dev.ferry.orders;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each poll: detect the changes since the watermarks, map each to one XDM event, and send ONE exchange whose body is
 * the poll's {@code List<XdmEvent>} (in change order) and whose {@code FerryCheckpoints} header holds the new
 * watermarks. Only when that exchange succeeds does the consumer adopt them; on failure it keeps the old ones and
 * detects the same changes again next poll (the outbox drops an _id it already holds).
 */
public class CommerceOrdersConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceOrdersConsumer.class);

    private final CommerceOrdersEndpoint endpoint;
    private final OrderEventMapper mapper;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong unmappable = new AtomicLong();
    private volatile OrderWatermarks watermarks;
    private volatile Instant oldestUnsent;
    /** Whether the last committed poll stopped at maxChangesPerPoll, so the next one runs at once. */
    private volatile boolean backlogLeft;
    private StateDatabase state;

    public CommerceOrdersConsumer(CommerceOrdersEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.mapper = new OrderEventMapper(endpoint.getCustomerIdNamespace());
    }

    @Override
    protected void doStart() throws Exception {
        state = getEndpoint().getCamelContext().getRegistry().findSingleByType(StateDatabase.class);
        if (state == null) {
            throw new IllegalStateException("commerce-orders: needs Ferry's StateDatabase in the registry");
        }
        endpoint.eventKinds(); // fails fast on an unknown event name
        // The start point is fixed when the consumer starts, not at its first poll, so "now" means now.
        try (Connection connection = endpoint.connect()) {
            watermarks = initial(connection, endpoint.checkpointPrefix());
        } catch (SQLException e) {
            LOG.warn("commerce-orders:{} cannot reach the Commerce database yet ({}); it will retry at each poll",
                    endpoint.getName(), e.toString());
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        String prefix = endpoint.checkpointPrefix();
        List<XdmEvent> events = new ArrayList<>();
        OrderChangeDetector.Detection detection;
        Map<String, String> checkpoints;
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
                    unmappable.incrementAndGet();
                    LOG.warn("{}; written to dead letters and skipped", UnmappableOrders.record(state,
                            "commerce-orders", change.orderId(), change.incrementId(), change.key(), e.getMessage()));
                }
            }
        }
        if (events.isEmpty() && detection.next().equals(watermarks)) {
            return 0;
        }
        if (!detection.changes().isEmpty()) {
            oldestUnsent = oldestUnsent == null ? detection.changes().get(0).time() : oldestUnsent;
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(events);
            exchange.getIn().setHeader(OutboxHeaders.CHECKPOINTS, checkpoints);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("commerce-orders: the poll's events were not committed; "
                        + "the watermarks stay", exchange, exchange.getException());
                return 0;
            }
            watermarks = detection.next();
            oldestUnsent = null;
            backlogLeft = detection.capped();
            for (XdmEvent event : events) {
                counts.computeIfAbsent(event.eventType(), type -> new AtomicLong()).incrementAndGet();
            }
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
        Instant floor;
        if ("now".equalsIgnoreCase(endpoint.getStartFrom().trim())) {
            Object now = SalesRows.select(connection, "SELECT UTC_TIMESTAMP() AS now").get(0).get("now");
            floor = now instanceof Instant instant ? instant : Instant.now();
        } else {
            floor = Instant.parse(endpoint.getStartFrom().trim());
        }
        OrderWatermarks fresh = OrderWatermarks.startingAt(floor);
        // The start point is written at once, so a restart before the first change keeps it.
        state.checkpoints().put(prefix + ".floor", floor.toString());
        LOG.info("commerce-orders:{} starts from {}", endpoint.getName(), floor);
        return fresh;
    }

    /** Milliseconds since the oldest change that is detected but not yet committed; 0 when none waits. */
    public long getLagMillis() {
        Instant oldest = oldestUnsent;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis());
    }

    /** Events committed per eventType since start. */
    public Map<String, Long> getEventCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((type, count) -> out.put(type, count.get()));
        return out;
    }

    /** Values left out because Magento would never write them (NULL currency, negative quantity, bad JSON). */
    public long getWarnings() {
        return mapper.warnings();
    }

    /** Changes that could not be mapped at all and were skipped. */
    public long getUnmappable() {
        return unmappable.get();
    }
}

package dev.ferry.orders;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;

/**
 * The poller's meters, read from its {@link OrderPollerStatus} at each scrape and tagged with the poller's name
 * (Prometheus names in brackets): {@code ferry.orders.events} per {@code eventType} (ferry_orders_events_total),
 * {@code ferry.orders.warnings} (ferry_orders_warnings_total), {@code ferry.orders.unmappable}
 * (ferry_orders_unmappable_total), {@code ferry.orders.lag} in seconds (ferry_orders_lag_seconds) and
 * {@code ferry.orders.paused} (ferry_orders_paused).
 */
final class MicrometerPollerMeters {

    /** The name camel-micrometer binds its registry under. */
    private static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";

    private MicrometerPollerMeters() {
    }

    static AutoCloseable bind(CamelContext camel, String poller, OrderPollerStatus status) {
        MeterRegistry registry = registry(camel);
        if (registry == null) {
            return () -> { };
        }
        List<Meter> meters = new ArrayList<>();
        status.committedByType().forEach((eventType, count) -> meters.add(
                FunctionCounter.builder("ferry.orders.events", count, LongAdder::doubleValue)
                        .description("Back-office order events committed to the outbox, per XDM eventType")
                        .tag("poller", poller).tag("eventType", eventType).register(registry)));
        meters.add(FunctionCounter.builder("ferry.orders.warnings", status.warnings(), LongAdder::doubleValue)
                .description("Values left out of committed events because Magento would never write them")
                .tag("poller", poller).register(registry));
        meters.add(FunctionCounter.builder("ferry.orders.unmappable", status.unmappable(), LongAdder::doubleValue)
                .description("Order changes that could not be mapped at all, written to the dead letters")
                .tag("poller", poller).register(registry));
        meters.add(Gauge.builder("ferry.orders.lag", status, s -> s.lag(Instant.now()).toMillis() / 1000.0)
                .description("Age of the oldest order change detected but not yet committed to the outbox")
                .baseUnit("seconds").tag("poller", poller).register(registry));
        meters.add(Gauge.builder("ferry.orders.paused", status, s -> s.pausedBecause() == null ? 0 : 1)
                .description("1 while the poller pauses because the outbox is above its high-water mark")
                .tag("poller", poller).register(registry));
        return () -> meters.forEach(registry::remove);
    }

    private static MeterRegistry registry(CamelContext camel) {
        MeterRegistry named = camel.getRegistry().lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
        return named != null ? named : camel.getRegistry().findSingleByType(MeterRegistry.class);
    }
}

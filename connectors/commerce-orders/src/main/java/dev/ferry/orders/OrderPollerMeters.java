package dev.ferry.orders;

import org.apache.camel.CamelContext;

/**
 * Binds a poller's meters when Micrometer is there to take them: on the classpath and a MeterRegistry in Camel's
 * registry (camel-micrometer binds one, as Ferry's runtime does). An application that embeds the connector without
 * Micrometer gets no meters and nothing else changes; only {@link MicrometerPollerMeters} touches Micrometer's
 * classes, and it is loaded only when they are present.
 */
final class OrderPollerMeters {

    static final String MICROMETER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private OrderPollerMeters() {
    }

    /** @return what removes the meters again (nothing to remove when none were bound) */
    static AutoCloseable bind(CamelContext camel, String poller, OrderPollerStatus status) {
        if (!micrometerPresent()) {
            return () -> { };
        }
        return MicrometerPollerMeters.bind(camel, poller, status);
    }

    static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER_REGISTRY_CLASS, false, OrderPollerMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

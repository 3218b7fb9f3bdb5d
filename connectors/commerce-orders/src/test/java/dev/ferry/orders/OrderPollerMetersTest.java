package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class OrderPollerMetersTest {

    @Test
    void theMetersReadThePollerStatusAtEachScrapeAndGoAwayWhenClosed() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OrderPollerStatus status = new OrderPollerStatus();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("metricsRegistry", registry);
            AutoCloseable meters = OrderPollerMeters.bind(camel, "orders", status);

            assertThat(registry.get("ferry.orders.events").tags("poller", "orders").functionCounters()).hasSize(6);
            status.pending(Instant.now().minusSeconds(30));
            status.paused("outbox streaming is full");
            assertThat(registry.get("ferry.orders.lag").gauge().value()).isBetween(29.0, 40.0);
            assertThat(registry.get("ferry.orders.paused").gauge().value()).isEqualTo(1);

            status.committed(Map.of("commerce.backofficeOrderPlaced", 3), 2, 1);
            assertThat(registry.get("ferry.orders.events").tags("eventType", "commerce.backofficeOrderPlaced")
                    .functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("ferry.orders.warnings").functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("ferry.orders.unmappable").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("ferry.orders.lag").gauge().value()).isZero();

            meters.close();
            assertThat(registry.find("ferry.orders.events").meters()).isEmpty();
            assertThat(registry.find("ferry.orders.lag").meters()).isEmpty();
        }
    }

    @Test
    void withoutMicrometerOnTheClasspathTheConsumerLinksAndBindsNoMeters() throws Exception {
        URL[] withoutMicrometer = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer")).map(OrderPollerMetersTest::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutMicrometer, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass(OrderPollerMeters.MICROMETER_REGISTRY_CLASS))
                    .isInstanceOf(ClassNotFoundException.class);
            Class.forName(CommerceOrdersConsumer.class.getName(), true, loader);
            Class<?> meters = Class.forName(OrderPollerMeters.class.getName(), true, loader);
            Method present = meters.getDeclaredMethod("micrometerPresent");
            present.setAccessible(true);
            assertThat(present.invoke(null)).isEqualTo(false);
            Class<?> camelContext = loader.loadClass(CamelContext.class.getName());
            Class<?> status = loader.loadClass(OrderPollerStatus.class.getName());
            Method bind = meters.getDeclaredMethod("bind", camelContext, String.class, status);
            bind.setAccessible(true);

            // Camel finds its services through the context class loader.
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try (AutoCloseable camel = (AutoCloseable) loader.loadClass(DefaultCamelContext.class.getName())
                    .getConstructor().newInstance()) {
                AutoCloseable none = (AutoCloseable) bind.invoke(null, camel, "orders",
                        status.getConstructor().newInstance());
                none.close();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    private static URL url(String classpathEntry) {
        try {
            return new File(classpathEntry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(classpathEntry, e);
        }
    }
}

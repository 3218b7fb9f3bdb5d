package dev.ferry.orders;

import dev.ferry.orders.changes.OrderChangeKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/** The {@code commerce-orders:name} endpoint; the name keys its checkpoints in the state database. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "commerce-orders", title = "Ferry Commerce back-office orders",
        syntax = "commerce-orders:name", consumerOnly = true, category = {Category.DATABASE},
        headersClass = dev.ferry.core.outbox.OutboxHeaders.class)
public class CommerceOrdersEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "Name of this poller; its watermarks are the checkpoints commerce-orders:<name>.*")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "database", description = "JDBC URL of the Commerce database (read-only use), e.g. "
            + "jdbc:mariadb://db:3306/magento; ignored when dataSource is set")
    private String url;

    @UriParam(label = "database", description = "Database user; it needs SELECT on the sales_*, store* tables only")
    private String user;

    @UriParam(label = "database", secret = true, description = "Database password")
    private String password;

    @UriParam(label = "database", description = "A DataSource for the Commerce database; when neither this nor url "
            + "is set, the registry's bean named dataSource is used")
    private DataSource dataSource;

    @UriParam(defaultValue = "2000", description = "Milliseconds between polls")
    private long pollInterval = 2000;

    @UriParam(defaultValue = "300", description = "Seconds each poll re-reads before the watermarks, for "
            + "transactions that commit late and clock skew; what it re-reads is never emitted twice")
    private int overlapSeconds = 300;

    @UriParam(defaultValue = "now", description = "Start point of a new installation (no checkpoints yet): now, "
            + "or an ISO-8601 instant such as 2026-01-01T00:00:00Z; older changes are the history connector's job")
    private String startFrom = "now";

    @UriParam(label = "scope", description = "Comma-separated store view codes (store.code) to include; all when empty")
    private String stores;

    @UriParam(label = "scope", defaultValue = "placed,invoiced,shipped,creditmemo,cancelled,completed",
            description = "Comma-separated changes to send: placed, invoiced, shipped, creditmemo, cancelled, completed")
    private String events = "placed,invoiced,shipped,creditmemo,cancelled,completed";

    @UriParam(label = "identity", defaultValue = "commerceCustomerId", description = "identityMap namespace code "
            + "of the Commerce customer id (sales_order.customer_id)")
    private String customerIdNamespace = "commerceCustomerId";

    public CommerceOrdersEndpoint(String uri, CommerceOrdersComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("commerce-orders: is a consumer only (from: commerce-orders:"
                + name + ")");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        CommerceOrdersConsumer consumer = new CommerceOrdersConsumer(this, processor);
        consumer.setDelay(pollInterval);
        consumer.setInitialDelay(0);
        configureConsumer(consumer);
        return consumer;
    }

    /** The changes the {@code events} option selects. */
    public Set<OrderChangeKind> eventKinds() {
        Set<OrderChangeKind> kinds = EnumSet.noneOf(OrderChangeKind.class);
        for (String code : events.split(",")) {
            if (!code.isBlank()) {
                kinds.add(OrderChangeKind.byCode(code));
            }
        }
        return kinds;
    }

    /** The store codes the {@code stores} option selects, or null for all. */
    public Set<String> storeCodes() {
        if (stores == null || stores.isBlank()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(stores.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(codes::add);
        return codes;
    }

    public String checkpointPrefix() {
        return "commerce-orders:" + name;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getOverlapSeconds() {
        return overlapSeconds;
    }

    public void setOverlapSeconds(int overlapSeconds) {
        this.overlapSeconds = overlapSeconds;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public String getStores() {
        return stores;
    }

    public void setStores(String stores) {
        this.stores = stores;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getCustomerIdNamespace() {
        return customerIdNamespace;
    }

    public void setCustomerIdNamespace(String customerIdNamespace) {
        this.customerIdNamespace = customerIdNamespace;
    }
}

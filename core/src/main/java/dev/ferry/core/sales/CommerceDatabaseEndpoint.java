package dev.ferry.core.sales;

import dev.ferry.core.commerce.CommerceDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Component;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * The options every endpoint that reads orders from the Commerce database shares (the live order poller and the
 * history export): where the database is, which stores and which changes are in scope, and how customers are
 * identified. Declared once here so both document and check them the same way.
 */
public abstract class CommerceDatabaseEndpoint extends ScheduledPollEndpoint {

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

    @UriParam(label = "scope", description = "Comma-separated store view codes (store.code) to include; all when empty")
    private String stores;

    @UriParam(label = "scope", defaultValue = "placed,invoiced,shipped,creditmemo,cancelled,completed",
            description = "Comma-separated changes to send: placed, invoiced, shipped, creditmemo, cancelled, completed")
    private String events = "placed,invoiced,shipped,creditmemo,cancelled,completed";

    @UriParam(label = "identity", defaultValue = "commerceCustomerId", description = "identityMap namespace code "
            + "of the Commerce customer id (sales_order.customer_id)")
    private String customerIdNamespace = "commerceCustomerId";

    private CommerceDataSource database;

    protected CommerceDatabaseEndpoint(String uri, Component component) {
        super(uri, component);
    }

    /** A read-only connection to the Commerce database; the caller closes it. */
    public Connection connect() throws SQLException {
        Connection connection = database().getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    private synchronized DataSource database() {
        if (database == null) {
            database = CommerceDataSource.resolve(dataSource, url, user, password, getCamelContext(),
                    getEndpointBaseUri());
        }
        return database.dataSource();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (database != null) {
            database.close();
            database = null;
        }
        super.doStop();
    }

    /** The changes the {@code events} option selects; an unknown name fails with the known ones. */
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

    /**
     * The store_ids of the {@code stores} option, or null for all stores.
     *
     * @throws IllegalArgumentException naming the codes the database does not have
     */
    public Set<Long> storeIds(Connection connection) throws SQLException {
        Set<String> codes = storeCodes();
        if (codes == null) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        Set<String> unknown = new LinkedHashSet<>(codes);
        Set<String> known = new LinkedHashSet<>();
        for (Map<String, Object> row : SalesRows.select(connection, "SELECT store_id, code FROM store")) {
            String code = String.valueOf(row.get("code"));
            known.add(code);
            if (codes.contains(code)) {
                ids.add(((Number) row.get("store_id")).longValue());
                unknown.remove(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown store code(s) " + unknown + "; the database has " + known);
        }
        return ids;
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

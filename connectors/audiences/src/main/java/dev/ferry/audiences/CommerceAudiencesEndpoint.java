package dev.ferry.audiences;

import dev.ferry.audiences.store.AudienceMigrations;
import dev.ferry.core.commerce.CommerceDataSource;
import javax.sql.DataSource;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code commerce-audiences:catalog} (producer) stores the audience catalog; {@code commerce-audiences:<name>}
 * (consumer) serves the HTTP endpoints and runs its route with each destination push's stored updates. Both create
 * or upgrade Ferry's {@code ferry_*} tables in the Commerce database on start.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "commerce-audiences", title = "Ferry Commerce audiences",
        syntax = "commerce-audiences:name", category = {Category.DATABASE, Category.HTTP})
public class CommerceAudiencesEndpoint extends DefaultEndpoint {

    static final String CATALOG = "catalog";

    @UriPath(description = "catalog for the producer that stores a List<Audience>; any other name for the "
            + "consumer that serves the HTTP endpoints")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "database", description = "JDBC URL of the Commerce database, e.g. "
            + "jdbc:mariadb://db:3306/magento; ignored when dataSource is set")
    private String url;

    @UriParam(label = "database", description = "Database user; it needs SELECT on customer_entity and CREATE, "
            + "SELECT, INSERT, UPDATE on the ferry_* tables")
    private String user;

    @UriParam(label = "database", secret = true, description = "Database password")
    private String password;

    @UriParam(label = "database", description = "A DataSource for the Commerce database; when neither this nor url "
            + "is set, the registry's bean named dataSource is used")
    private DataSource dataSource;

    @UriParam(label = "consumer,security", secret = true, description = "Bearer token AEP's HTTP API destination "
            + "sends (Authorization: Bearer <token>) to POST <basePath>/aep-destination; required")
    private String destinationToken;

    @UriParam(label = "consumer,security", secret = true, description = "Bearer token Commerce-side callers send to "
            + "GET <basePath> and GET <basePath>/membership; required")
    private String lookupToken;

    @UriParam(label = "consumer", defaultValue = "/v1/audiences", description = "Path the audience endpoints are "
            + "served under")
    private String basePath = "/v1/audiences";

    @UriParam(label = "consumer", defaultValue = "1048576", description = "Largest destination push or proxied "
            + "GraphQL body accepted; a larger one is refused with 413")
    private int maxBodyBytes = 1_048_576;

    @UriParam(label = "identity", defaultValue = "commerceCustomerId", description = "AEP identity namespace code of "
            + "the Commerce customer id; its lower-cased form is the identityMap key of destination pushes")
    private String customerNamespace = "commerceCustomerId";

    @UriParam(label = "identity", defaultValue = "60", description = "Seconds between two incremental refreshes of "
            + "the customer email map (ferry_customer_email_hash) from customer_entity; a miss refreshes sooner")
    private int customerMapRefreshInterval = 60;

    @UriParam(label = "identity", defaultValue = "1000", description = "Least milliseconds between two customer "
            + "map refreshes caused by a miss (an email hash or customer id the map does not know)")
    private long customerMapMissInterval = 1000;

    @UriParam(label = "pull", description = "Camel endpoint URI asked for the membership of a shopper Ferry has "
            + "stored nothing for (body ShopperIdentity, reply List<String> of realized audience ids), e.g. the AEP "
            + "connector's Edge activation:pull producer; no pull when empty")
    private String pullUri;

    @UriParam(label = "pull", defaultValue = "300", description = "Seconds a pulled membership is cached per identity")
    private int pullCacheTtl = 300;

    @UriParam(label = "consumer", defaultValue = "5000", description = "Milliseconds a lookup answer (lookup, GraphQL "
            + "proxy, own membership) is cached per identity; a destination push, a customer map change or a catalog "
            + "change forgets the answers it affects at once, so only changes made outside this Ferry (another node's "
            + "pushes, a Commerce email change the map has not copied yet) wait for the TTL; 0 caches nothing")
    private long membershipCacheTtl = 5000;

    @UriParam(label = "graphql", description = "URL of Commerce's GraphQL endpoint, e.g. "
            + "https://shop.example.com/graphql; when set, /graphql is served as a proxy to it")
    private String graphqlUrl;

    @UriParam(label = "graphql", defaultValue = "/graphql", description = "Path of the GraphQL proxy")
    private String graphqlPath = "/graphql";

    @UriParam(label = "graphql", defaultValue = "30", description = "Seconds the proxy waits for Commerce's GraphQL "
            + "answer (and to connect) before answering 502")
    private int graphqlTimeout = 30;

    private CommerceDataSource database;

    public CommerceAudiencesEndpoint(String uri, CommerceAudiencesComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public CommerceAudiencesComponent getComponent() {
        return (CommerceAudiencesComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (!CATALOG.equals(name)) {
            throw new IllegalArgumentException("commerce-audiences:" + name + " has no producer; send a "
                    + "List<Audience> to commerce-audiences:catalog");
        }
        return new CommerceAudiencesCatalogProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (CATALOG.equals(name)) {
            throw new IllegalArgumentException("commerce-audiences:catalog is a producer; serve the endpoints with "
                    + "another name, e.g. from commerce-audiences:membership");
        }
        CommerceAudiencesConsumer consumer = new CommerceAudiencesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The Commerce database with Ferry's tables migrated, opened once per endpoint. */
    synchronized DataSource database() {
        if (database == null) {
            database = CommerceDataSource.resolve(dataSource, url, user, password, getCamelContext(),
                    "commerce-audiences:" + name);
            AudienceMigrations.migrate(database.dataSource());
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

    public String getDestinationToken() {
        return destinationToken;
    }

    public void setDestinationToken(String destinationToken) {
        this.destinationToken = destinationToken;
    }

    public String getLookupToken() {
        return lookupToken;
    }

    public void setLookupToken(String lookupToken) {
        this.lookupToken = lookupToken;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public String getCustomerNamespace() {
        return customerNamespace;
    }

    public void setCustomerNamespace(String customerNamespace) {
        this.customerNamespace = customerNamespace;
    }

    public int getCustomerMapRefreshInterval() {
        return customerMapRefreshInterval;
    }

    public void setCustomerMapRefreshInterval(int customerMapRefreshInterval) {
        this.customerMapRefreshInterval = customerMapRefreshInterval;
    }

    public long getCustomerMapMissInterval() {
        return customerMapMissInterval;
    }

    public void setCustomerMapMissInterval(long customerMapMissInterval) {
        this.customerMapMissInterval = customerMapMissInterval;
    }

    public String getPullUri() {
        return pullUri;
    }

    public void setPullUri(String pullUri) {
        this.pullUri = pullUri;
    }

    public int getPullCacheTtl() {
        return pullCacheTtl;
    }

    public void setPullCacheTtl(int pullCacheTtl) {
        this.pullCacheTtl = pullCacheTtl;
    }

    public long getMembershipCacheTtl() {
        return membershipCacheTtl;
    }

    public void setMembershipCacheTtl(long membershipCacheTtl) {
        this.membershipCacheTtl = membershipCacheTtl;
    }

    public String getGraphqlUrl() {
        return graphqlUrl;
    }

    public void setGraphqlUrl(String graphqlUrl) {
        this.graphqlUrl = graphqlUrl;
    }

    public String getGraphqlPath() {
        return graphqlPath;
    }

    public void setGraphqlPath(String graphqlPath) {
        this.graphqlPath = graphqlPath;
    }

    public int getGraphqlTimeout() {
        return graphqlTimeout;
    }

    public void setGraphqlTimeout(int graphqlTimeout) {
        this.graphqlTimeout = graphqlTimeout;
    }
}

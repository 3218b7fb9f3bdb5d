package dev.ferry.core.commerce;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;

/**
 * Where a connector finds the Commerce database, the same way for all of them: its {@code dataSource} option, else
 * a small connection pool on its {@code url}, else the registry's bean named {@code dataSource}. Closing it closes
 * the pool it made, never a DataSource it was given.
 */
public final class CommerceDataSource implements AutoCloseable {

    private static final int POOL_SIZE = 8;

    private final DataSource dataSource;
    private final HikariDataSource pool;

    private CommerceDataSource(DataSource dataSource, HikariDataSource pool) {
        this.dataSource = dataSource;
        this.pool = pool;
    }

    /**
     * @param owner names the pool and the error, e.g. {@code commerce-orders:orders}
     * @throws IllegalStateException when none of the three is there
     */
    public static CommerceDataSource resolve(DataSource configured, String url, String user, String password,
                                             CamelContext camel, String owner) {
        if (configured != null) {
            return new CommerceDataSource(configured, null);
        }
        if (url != null && !url.isBlank()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setPoolName("ferry-" + owner.replaceAll("[^A-Za-z0-9-]", "-"));
            config.setMaximumPoolSize(POOL_SIZE);
            HikariDataSource pool = new HikariDataSource(config);
            return new CommerceDataSource(pool, pool);
        }
        DataSource bean = camel.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
        if (bean == null) {
            throw new IllegalStateException(owner + ": set url, dataSource, or bind a DataSource bean named dataSource");
        }
        return new CommerceDataSource(bean, null);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}

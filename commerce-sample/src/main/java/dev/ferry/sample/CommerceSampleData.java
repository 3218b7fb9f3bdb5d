package dev.ferry.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a Commerce database with a deterministic sample, and makes single business changes in it the way Magento
 * writes them.
 *
 * <p>{@link #seed} replaces the content of the Commerce tables (creating them if needed) with websites and store
 * views, a catalog, customers and orders in every state: guests and registered customers, configurable products,
 * coupons, card and check payments, US dollars and euros, invoices, shipments with tracking numbers, full and
 * partial credit memos, cancellations. The same seed and {@link SampleSize} give the same rows, ids included.
 *
 * <p>The static helpers ({@link #placeOrder}, {@link #invoice}, {@link #ship}, {@link #addTrack}, {@link #refund},
 * {@link #refundPartially}, {@link #cancel}) each make one change at the database's clock and return the id of
 * what they created. Like Magento, they touch {@code sales_order.updated_at} only when the order row itself
 * changes: placing, invoicing, refunding and cancelling do; a shipment does only when it completes the order or
 * moves it out of "new"; adding a tracking number never does. Each change commits on its own, or joins the
 * caller's transaction when autocommit is off; it writes in a UTC session and puts the caller's session time zone
 * back.
 */
public final class CommerceSampleData {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceSampleData.class);

    private final long seed;

    public CommerceSampleData(long seed) {
        this.seed = seed;
    }

    /**
     * A new database on the server with Magento's schema, seeded with this sample: the Commerce database of a test, a
     * benchmark or the demo. A database of that name is dropped first.
     */
    public DataSource seedNewDatabase(MariaDbServer server, String database, SampleSize size) {
        server.createDatabase(database);
        DataSource dataSource = server.dataSource(database);
        CommerceSchema.create(dataSource);
        seed(dataSource, size);
        return dataSource;
    }

    /** Seeds the database of the DataSource's connections. */
    public SeededCommerce seed(DataSource dataSource, SampleSize size) {
        try (Connection connection = dataSource.getConnection()) {
            return seed(connection, size);
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot seed the Commerce sample", e);
        }
    }

    /**
     * Seeds the database a JDBC URL names, such as {@link MariaDbServer#jdbcUrl(String)}. Batches go through
     * MariaDB's bulk protocol; {@code rewriteBatchedStatements} is added so that a server without it still gets
     * multi-row INSERTs rather than one statement per row.
     */
    public SeededCommerce seed(String jdbcUrl, String user, String password, SampleSize size) {
        String batched = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        try (Connection connection = DriverManager.getConnection(batched, user, password)) {
            return seed(connection, size);
        } catch (SQLException e) {
            throw new SampleDatabaseException("Cannot seed the Commerce sample into " + jdbcUrl, e);
        }
    }

    private SeededCommerce seed(Connection connection, SampleSize size) throws SQLException {
        long started = System.nanoTime();
        SeededCommerce seeded = new SampleSeeder(seed, size).seed(connection);
        LOG.info("Seeded {} customers and {} orders (seed {}) in {} ms", seeded.customers(), seeded.orders(), seed,
                (System.nanoTime() - started) / 1_000_000);
        return seeded;
    }

    /**
     * Places an order, "new" and "pending" (a card order is captured at once and is "processing"); returns its
     * entity_id.
     */
    public static long placeOrder(Connection connection, NewOrder order) {
        try {
            return LiveChanges.placeOrder(connection, order);
        } catch (SQLException e) {
            throw failure("place an order", e);
        }
    }

    /** Invoices everything not yet invoiced; returns the sales_invoice entity_id. */
    public static long invoice(Connection connection, long orderId) {
        try {
            return LiveChanges.invoice(connection, orderId);
        } catch (SQLException e) {
            throw failure("invoice order " + orderId, e);
        }
    }

    /**
     * Ships everything not yet shipped with one tracking number (none when it is null); returns the
     * sales_shipment entity_id.
     */
    public static long ship(Connection connection, long orderId, String carrierCode, String trackNumber) {
        try {
            return LiveChanges.ship(connection, orderId, carrierCode, trackNumber);
        } catch (SQLException e) {
            throw failure("ship order " + orderId, e);
        }
    }

    /** Adds a tracking number to a shipment; returns the sales_shipment_track entity_id. */
    public static long addTrack(Connection connection, long shipmentId, String carrierCode, String trackNumber) {
        try {
            return LiveChanges.addTrack(connection, shipmentId, carrierCode, trackNumber);
        } catch (SQLException e) {
            throw failure("add a track to shipment " + shipmentId, e);
        }
    }

    /** Refunds everything left, shipping included, and closes the order; returns the sales_creditmemo entity_id. */
    public static long refund(Connection connection, long orderId) {
        try {
            return LiveChanges.refund(connection, orderId);
        } catch (SQLException e) {
            throw failure("refund order " + orderId, e);
        }
    }

    /**
     * Refunds one unit of the order's first item with a unit left; the order keeps its state. Returns the
     * sales_creditmemo entity_id.
     */
    public static long refundPartially(Connection connection, long orderId) {
        try {
            return LiveChanges.refundPartially(connection, orderId);
        } catch (SQLException e) {
            throw failure("partially refund order " + orderId, e);
        }
    }

    /** Cancels an order nothing of which is invoiced. */
    public static void cancel(Connection connection, long orderId) {
        try {
            LiveChanges.cancel(connection, orderId);
        } catch (SQLException e) {
            throw failure("cancel order " + orderId, e);
        }
    }

    private static SampleDatabaseException failure(String action, SQLException cause) {
        return new SampleDatabaseException("Cannot " + action + " in the Commerce sample", cause);
    }
}

package dev.ferry.audiences.identity;

import dev.ferry.audiences.store.AudienceStoreException;
import dev.ferry.core.identity.Identities;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ferry_customer_email_hash}: Commerce customer id -> SHA-256 of the trimmed, lower-cased email, copied from
 * {@code customer_entity} page by page in (updated_at, entity_id) order from the newest copied updated_at minus an
 * overlap, so a change committed a little late is still seen. Raw addresses are hashed as they are read and never
 * kept or logged. A customer whose email changes gets the new hash on the next refresh. The listener hears of every
 * customer whose hash a refresh added or changed, with the hashes before and after.
 */
public final class CustomerMap {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerMap.class);

    /** How far before the newest copied updated_at each refresh re-reads, for transactions that commit late. */
    private static final int OVERLAP_SECONDS = 300;
    private static final int PAGE = 5000;

    private static final String PAGE_QUERY = "SELECT entity_id, website_id, email, updated_at FROM customer_entity "
            + "WHERE updated_at > ? OR (updated_at = ? AND entity_id > ?) ORDER BY updated_at, entity_id LIMIT "
            + PAGE;
    private static final String UPSERT = "INSERT INTO ferry_customer_email_hash (customer_id, website_id, "
            + "email_sha256, customer_updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE website_id = "
            + "VALUES(website_id), email_sha256 = VALUES(email_sha256), customer_updated_at = "
            + "VALUES(customer_updated_at)";

    private final DataSource dataSource;
    private final long minMissRefreshMillis;
    private final IdentityChangeListener listener;
    private final AtomicLong lastRefresh = new AtomicLong();
    private final ReentrantLock refreshing = new ReentrantLock();

    /**
     * @param minMissRefreshMillis least time between two refreshes caused by a miss, so lookups of addresses that
     *                             are no customer's cannot keep the database busy
     */
    public CustomerMap(DataSource dataSource, long minMissRefreshMillis, IdentityChangeListener listener) {
        this.dataSource = dataSource;
        this.minMissRefreshMillis = minMissRefreshMillis;
        this.listener = listener;
    }

    /** Copies the customers changed since the last refresh; returns how many rows it wrote. */
    public int refresh() {
        refreshing.lock();
        try {
            return copyChanges();
        } finally {
            refreshing.unlock();
        }
    }

    private int copyChanges() {
        lastRefresh.set(System.currentTimeMillis());
        int copied = 0;
        try (Connection connection = dataSource.getConnection()) {
            Timestamp after = newestCopied(connection);
            long afterId = 0;
            while (true) {
                List<CustomerRow> rows = page(connection, after, afterId);
                if (rows.isEmpty()) {
                    break;
                }
                writeAndTell(connection, rows);
                copied += rows.size();
                CustomerRow last = rows.get(rows.size() - 1);
                after = last.updatedAt();
                afterId = last.customerId();
                if (rows.size() < PAGE) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot refresh the customer email map from customer_entity", e);
        }
        LOG.debug("customer email map: {} row(s) refreshed", copied);
        return copied;
    }

    /**
     * Refreshes unless a refresh ran within the miss interval or is running now (a first full copy of a large
     * customer_entity must not hold up a destination push past AEP's 2 s budget); true when it did.
     */
    public boolean refreshAfterMiss() {
        if (System.currentTimeMillis() - lastRefresh.get() < minMissRefreshMillis || !refreshing.tryLock()) {
            return false;
        }
        try {
            copyChanges();
            return true;
        } finally {
            refreshing.unlock();
        }
    }

    /** The one customer with this email hash, refreshing once on a miss; empty when none or several websites. */
    public Optional<Long> customerOf(String emailSha256) {
        Optional<Long> customer = lookupCustomer(emailSha256);
        if (customer.isEmpty() && refreshAfterMiss()) {
            customer = lookupCustomer(emailSha256);
        }
        return customer;
    }

    /** Every customer with this email hash (one per website at most), refreshing once on a miss. */
    public List<Long> customersOf(String emailSha256) {
        List<Long> customers = customers(emailSha256);
        if (customers.isEmpty() && refreshAfterMiss()) {
            customers = customers(emailSha256);
        }
        return customers;
    }

    /** Whether the map holds the customer (with or without an email); never refreshes. */
    public boolean knows(long customerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM ferry_customer_email_hash WHERE customer_id = ?")) {
            select.setLong(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot read the customer email map", e);
        }
    }

    private Optional<Long> lookupCustomer(String emailSha256) {
        List<Long> customers = customers(emailSha256);
        return customers.size() == 1 ? Optional.of(customers.get(0)) : Optional.empty();
    }

    private List<Long> customers(String emailSha256) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT customer_id FROM ferry_customer_email_hash WHERE email_sha256 = ?")) {
            select.setString(1, emailSha256);
            List<Long> customers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    customers.add(rows.getLong(1));
                }
            }
            return customers;
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot read the customer email map", e);
        }
    }

    private static Timestamp newestCopied(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(customer_updated_at) - INTERVAL "
                + OVERLAP_SECONDS + " SECOND FROM ferry_customer_email_hash");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            Timestamp newest = rows.getTimestamp(1);
            return newest == null ? new Timestamp(0) : newest;
        }
    }

    private static List<CustomerRow> page(Connection connection, Timestamp after, long afterId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PAGE_QUERY)) {
            select.setTimestamp(1, after);
            select.setTimestamp(2, after);
            select.setLong(3, afterId);
            List<CustomerRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String email = result.getString(3);
                    Object website = result.getObject(2);
                    rows.add(new CustomerRow(result.getLong(1), website,
                            email == null || email.isBlank() ? null : Identities.emailSha256(email),
                            result.getTimestamp(4)));
                }
            }
            return rows;
        }
    }

    /**
     * Writes a page and then tells the listener which of its customers are new or have another hash, page by page
     * so a first copy of a large customer_entity never holds more than a page of changes.
     */
    private void writeAndTell(Connection connection, List<CustomerRow> rows) throws SQLException {
        Set<AudienceIdentity> changed = changes(hashes(connection, rows), rows);
        try {
            write(connection, rows);
        } finally {
            if (!changed.isEmpty()) {
                listener.changed(changed);
            }
        }
    }

    /** The hashes the map holds now for the customers of a page (null for a customer without an email). */
    private static Map<Long, String> hashes(Connection connection, List<CustomerRow> rows) throws SQLException {
        String placeholders = String.join(",", Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, email_sha256 FROM "
                + "ferry_customer_email_hash WHERE customer_id IN (" + placeholders + ")")) {
            for (int i = 0; i < rows.size(); i++) {
                select.setLong(i + 1, rows.get(i).customerId());
            }
            Map<Long, String> hashes = new HashMap<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    hashes.put(result.getLong(1), result.getString(2));
                }
            }
            return hashes;
        }
    }

    /** Customers new to the map or with another hash than it holds: the customer and both hashes. */
    private static Set<AudienceIdentity> changes(Map<Long, String> before, List<CustomerRow> rows) {
        Set<AudienceIdentity> changed = new HashSet<>();
        for (CustomerRow row : rows) {
            String old = before.get(row.customerId());
            if (before.containsKey(row.customerId()) && Objects.equals(old, row.emailSha256())) {
                continue;
            }
            changed.add(AudienceIdentity.customer(row.customerId()));
            if (old != null) {
                changed.add(AudienceIdentity.emailSha256(old));
            }
            if (row.emailSha256() != null) {
                changed.add(AudienceIdentity.emailSha256(row.emailSha256()));
            }
        }
        return changed;
    }

    private static void write(Connection connection, List<CustomerRow> rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (CustomerRow row : rows) {
                upsert.setLong(1, row.customerId());
                upsert.setObject(2, row.websiteId());
                upsert.setString(3, row.emailSha256());
                upsert.setTimestamp(4, row.updatedAt());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One customer as the map keeps it: the address already hashed. */
    private record CustomerRow(long customerId, Object websiteId, String emailSha256, Timestamp updatedAt) {
    }
}

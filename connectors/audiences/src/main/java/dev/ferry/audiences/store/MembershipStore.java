package dev.ferry.audiences.store;

import dev.ferry.audiences.identity.AudienceIdentity;
import dev.ferry.audiences.identity.IdentityChangeListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code ferry_audience_membership}: one row per (identity, audience). An update applies only when its
 * lastQualificationTime is not older than the stored one, so replays change nothing and out-of-order deliveries
 * end in the latest state. Every write tells its listener which identities and customers it touched.
 */
public final class MembershipStore {

    // MySQL evaluates the assignments left to right, so last_qualification_time is compared before it changes.
    private static final String UPSERT = "INSERT INTO ferry_audience_membership (identity_namespace, identity_value, "
            + "audience_id, customer_id, status, last_qualification_time, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE "
            + "status = IF(VALUES(last_qualification_time) >= last_qualification_time, VALUES(status), status), "
            + "updated_at = IF(VALUES(last_qualification_time) >= last_qualification_time, VALUES(updated_at), "
            + "updated_at), "
            + "customer_id = COALESCE(VALUES(customer_id), customer_id), "
            + "last_qualification_time = GREATEST(VALUES(last_qualification_time), last_qualification_time)";
    /** An identity seen together with a customer (a guest who signed in) is linked to that customer. */
    private static final String LINK = "UPDATE ferry_audience_membership SET customer_id = ? "
            + "WHERE identity_namespace = ? AND identity_value = ? AND customer_id IS NULL";

    /** Every row read, with the identity and customer it came from; the WHERE clause follows. */
    private static final String SELECT = "SELECT m.audience_id, a.name, m.status, m.last_qualification_time, "
            + "m.identity_namespace, m.identity_value, m.customer_id FROM ferry_audience_membership m "
            + "LEFT JOIN ferry_audience a ON a.audience_id = m.audience_id WHERE ";

    private static final Comparator<MembershipUpdate> KEY_ORDER = Comparator
            .comparing((MembershipUpdate u) -> u.identity().namespace())
            .thenComparing(u -> u.identity().value())
            .thenComparing(MembershipUpdate::audienceId);

    private final DataSource dataSource;
    private final IdentityChangeListener listener;

    public MembershipStore(DataSource dataSource, IdentityChangeListener listener) {
        this.dataSource = dataSource;
        this.listener = listener;
    }

    /**
     * Applies the updates in one transaction, in key order so concurrent pushes cannot deadlock, then tells the
     * listener, even when the transaction failed: a failed commit may still have committed.
     */
    public void apply(List<MembershipUpdate> updates) {
        try {
            write(updates);
        } finally {
            listener.changed(touched(updates));
        }
    }

    private static Set<AudienceIdentity> touched(List<MembershipUpdate> updates) {
        Set<AudienceIdentity> touched = new HashSet<>();
        for (MembershipUpdate update : updates) {
            touched.add(update.identity());
            if (update.customerId() != null) {
                touched.add(AudienceIdentity.customer(update.customerId()));
            }
        }
        return touched;
    }

    private void write(List<MembershipUpdate> updates) {
        List<MembershipUpdate> ordered = new ArrayList<>(updates);
        ordered.sort(KEY_ORDER);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                    PreparedStatement link = connection.prepareStatement(LINK)) {
                Set<MembershipUpdate> linked = new LinkedHashSet<>();
                for (MembershipUpdate update : ordered) {
                    upsert.setString(1, update.identity().namespace());
                    upsert.setString(2, update.identity().value());
                    upsert.setString(3, update.audienceId());
                    upsert.setObject(4, update.customerId());
                    upsert.setString(5, update.status().code());
                    upsert.setObject(6, LocalDateTime.ofInstant(update.lastQualificationTime(), ZoneOffset.UTC));
                    upsert.addBatch();
                    if (update.customerId() != null) {
                        linked.add(update);
                    }
                }
                upsert.executeBatch();
                for (MembershipUpdate update : linked) {
                    link.setLong(1, update.customerId());
                    link.setString(2, update.identity().namespace());
                    link.setString(3, update.identity().value());
                    link.addBatch();
                }
                link.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot store audience membership", e);
        }
    }

    /**
     * Every audience stored for any of the identities or customers, one per audience: the entry with the latest
     * qualification time, whatever its status.
     */
    public MembershipRead find(Collection<AudienceIdentity> identities, Collection<Long> customerIds) {
        Set<AudienceIdentity> dependencies = new HashSet<>(identities);
        customerIds.forEach(customerId -> dependencies.add(AudienceIdentity.customer(customerId)));
        if (identities.isEmpty() && customerIds.isEmpty()) {
            return new MembershipRead(List.of(), dependencies);
        }
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        where(where, parameters, identities, customerIds);
        return latestPerAudience(SELECT + where, parameters, dependencies);
    }

    /**
     * A customer's audiences in one statement: rows linked to the customer, stored under its customer id, or under
     * its current email hash as the customer map holds it. That hash rides along as one more row (no audience), so
     * the read knows it depends on it.
     */
    public MembershipRead findForCustomer(long customerId) {
        Set<AudienceIdentity> dependencies = new HashSet<>();
        dependencies.add(AudienceIdentity.customer(customerId));
        return latestPerAudience(SELECT + "m.customer_id = ? OR (m.identity_namespace = ? AND m.identity_value = ?) "
                + "OR (m.identity_namespace = ? AND m.identity_value = (SELECT email_sha256 FROM "
                + "ferry_customer_email_hash WHERE customer_id = ?)) UNION ALL SELECT NULL, NULL, NULL, NULL, ?, "
                + "email_sha256, customer_id FROM ferry_customer_email_hash WHERE customer_id = ? "
                + "AND email_sha256 IS NOT NULL", List.of(customerId, AudienceIdentity.CUSTOMER,
                Long.toString(customerId), AudienceIdentity.EMAIL_SHA256, customerId, AudienceIdentity.EMAIL_SHA256,
                customerId), dependencies);
    }

    private MembershipRead latestPerAudience(String sql, List<Object> parameters, Set<AudienceIdentity> dependencies) {
        Map<String, StoredMembership> latest = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = prepared(connection, sql, parameters);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                dependencies.add(new AudienceIdentity(rows.getString(5), rows.getString(6)));
                long customerId = rows.getLong(7);
                if (!rows.wasNull()) {
                    dependencies.add(AudienceIdentity.customer(customerId));
                }
                String audienceId = rows.getString(1);
                if (audienceId == null) {
                    continue; // the customer map's row of findForCustomer
                }
                StoredMembership membership = new StoredMembership(audienceId, rows.getString(2),
                        MembershipStatus.byCode(rows.getString(3)).orElse(MembershipStatus.EXITED),
                        rows.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                latest.merge(audienceId, membership, (a, b) ->
                        b.lastQualificationTime().isAfter(a.lastQualificationTime()) ? b : a);
            }
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot read audience membership", e);
        }
        List<StoredMembership> found = new ArrayList<>(latest.values());
        found.sort(Comparator.comparing(StoredMembership::audienceId));
        return new MembershipRead(found, dependencies);
    }

    /** The customers these identities were linked to (a guest's device id once the guest signed in). */
    public Set<Long> linkedCustomers(Collection<AudienceIdentity> identities) {
        if (identities.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT m.customer_id FROM ferry_audience_membership m "
                + "WHERE m.customer_id IS NOT NULL AND (");
        List<Object> parameters = new ArrayList<>();
        where(sql, parameters, identities, List.of());
        sql.append(')');
        Set<Long> customers = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = prepared(connection, sql.toString(), parameters);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                customers.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot read audience membership", e);
        }
        return customers;
    }

    private static void where(StringBuilder sql, List<Object> parameters, Collection<AudienceIdentity> identities,
                              Collection<Long> customerIds) {
        List<String> terms = new ArrayList<>();
        for (AudienceIdentity identity : identities) {
            terms.add("(m.identity_namespace = ? AND m.identity_value = ?)");
            parameters.add(identity.namespace());
            parameters.add(identity.value());
        }
        for (Long customerId : customerIds) {
            terms.add("m.customer_id = ?");
            parameters.add(customerId);
        }
        sql.append(String.join(" OR ", terms));
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}

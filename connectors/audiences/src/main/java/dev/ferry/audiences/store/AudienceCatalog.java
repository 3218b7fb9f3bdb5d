package dev.ferry.audiences.store;

import dev.ferry.core.audience.Audience;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/** {@code ferry_audience}: the audiences AEP's Segmentation API lists, so memberships get names. */
public final class AudienceCatalog {

    private static final String UPSERT = "INSERT INTO ferry_audience (audience_id, name, description, state, "
            + "updated_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE name = VALUES(name), "
            + "description = VALUES(description), state = VALUES(state), updated_at = VALUES(updated_at)";

    private final DataSource dataSource;

    public AudienceCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts or updates each audience by id; audiences AEP no longer lists stay (memberships may name them). */
    public int upsert(List<Audience> audiences) {
        List<Audience> ordered = new ArrayList<>(audiences);
        ordered.sort(Comparator.comparing(Audience::id));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            connection.setAutoCommit(false);
            for (Audience audience : ordered) {
                if (audience.id() == null || audience.id().isBlank() || audience.id().length() > 64) {
                    throw new IllegalArgumentException("an audience id must have 1 to 64 characters: "
                            + audience.id());
                }
                upsert.setString(1, audience.id());
                upsert.setString(2, audience.name());
                upsert.setString(3, audience.description());
                upsert.setString(4, audience.state());
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
            return ordered.size();
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot store the audience catalog", e);
        }
    }

    public List<Audience> list() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT audience_id, name, description, "
                        + "state FROM ferry_audience ORDER BY audience_id");
                ResultSet rows = select.executeQuery()) {
            List<Audience> audiences = new ArrayList<>();
            while (rows.next()) {
                audiences.add(new Audience(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4)));
            }
            return audiences;
        } catch (SQLException e) {
            throw new AudienceStoreException("cannot read the audience catalog", e);
        }
    }
}

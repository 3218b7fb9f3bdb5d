package dev.ferry.audiences.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades Ferry's {@code ferry_*} tables in the Commerce database with Flyway
 * ({@code db/ferry-audiences/V*.sql}). The history lives in {@code ferry_audience_schema_history}, so Magento's own
 * tables and any other tool's history stay untouched; the Commerce schema is never empty, hence the baseline at 0.
 */
public final class AudienceMigrations {

    static final String HISTORY_TABLE = "ferry_audience_schema_history";

    private AudienceMigrations() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(AudienceMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/ferry-audiences")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

package dev.scoreline.store.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** The store's schema: migrated by Flyway from {@code db/scoreline} when a store opens. */
final class Schema {

    private Schema() { }

    /**
     * Brings the schema at {@code url} to this Scoreline's version. A schema that a newer Scoreline
     * migrated further is left alone and refused ({@code SL608}): this version cannot know what it
     * holds.
     */
    static void migrate(String url, String user, String password) {
        // Two processes opening a new store at once race on creating the schema's history table
        // (the second sees it empty and refuses to baseline it): the loser tries again once the
        // winner's migration is done, when there is nothing left to race for.
        Retries.every250ms(MIGRATION_ATTEMPTS, e -> e.getCause() instanceof FlywayException, () -> {
            migrateOnce(url, user, password);
            return null;
        });
    }

    /** 16 tries: 3.75 s of pauses in all, for a winner on a loaded machine to finish its migration. */
    private static final int MIGRATION_ATTEMPTS = 16;

    private static void migrateOnce(String url, String user, String password) {
        try {
            Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations("classpath:db/scoreline")
                    .table("sl_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .loggers("slf4j")
                    .load();
            MigrationInfo[] all = flyway.info().all();
            Optional<MigrationInfo> future = Arrays.stream(all).filter(m -> m.getVersion() != null && isFuture(m))
                    .max(Comparator.comparing(MigrationInfo::getVersion));
            if (future.isPresent()) {
                String known = Arrays.stream(all).filter(m -> m.getVersion() != null && !isFuture(m))
                        .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(Object::toString).orElse("none");
                throw StoreErrors.schemaNewer(url, future.get().getVersion().toString(), known);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw StoreErrors.cannotMigrate(url, e);
        }
    }

    /** Applied by a newer Scoreline: this one has no such migration. */
    private static boolean isFuture(MigrationInfo m) {
        return m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
    }
}

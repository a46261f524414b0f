package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's version and its migrations (Flyway, from {@code schema/}, shipped in the jar under
 * {@code db/migration}). Migrating is idempotent: a second run applies nothing.
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private final StoreConnection connection;

    @Inject
    Migrations(StoreConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Applies every pending migration and reports where the schema stands. */
    public MigrationOutcome migrate() {
        try {
            Flyway flyway = flyway();
            refuseNewer(flyway.info());
            MigrateResult result = flyway.migrate();
            return new MigrationOutcome(status().version(), result.migrationsExecuted);
        } catch (FlywayException e) {
            throw SqlErrors.embeddedInUse(e, connection.database()).orElseGet(() -> new StoreException(
                    "could not migrate " + connection.database().displayUrl() + ": " + SqlErrors.firstLine(e.getMessage()), e));
        }
    }

    /** The applied version and the number of migrations still pending; reads, never writes. */
    public SchemaStatus status() {
        try {
            MigrationInfoService info = flyway().info();
            refuseNewer(info);
            MigrationInfo current = info.current();
            String version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
            return new SchemaStatus(connection.database().displayUrl(), version, info.pending().length);
        } catch (FlywayException e) {
            throw SqlErrors.embeddedInUse(e, connection.database()).orElseGet(() -> new StoreException(
                    "could not read the schema version of " + connection.database().displayUrl() + ": "
                    + SqlErrors.firstLine(e.getMessage()), e));
        }
    }

    /**
     * A schema newer than this binary's migrations was written by a newer antfleet: its tables may mean what
     * this one does not know (Flyway would ignore such "future" migrations and carry on). Nothing reads or
     * changes it.
     */
    private void refuseNewer(MigrationInfoService info) {
        MigrationInfo newest = null;
        String known = null;
        for (MigrationInfo m : info.all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                newest = m;
            } else if (m.getState().isResolved()) {
                known = m.getVersion().getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException("the database " + connection.database().displayUrl() + " has schema version "
                    + newest.getVersion().getVersion() + ", newer than this antfleet knows (" + (known == null ? "none" : known)
                    + "): a newer antfleet wrote it; use that version or a later one. Nothing was read or changed.");
        }
    }

    private Flyway flyway() {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(connection.unpooledDataSource())
                .locations(LOCATION)
                // Each line of work owns a migration number (V3 hardening, V5 hosts, V6 ant …) and they land in any
                // order: a store that already has V6 must still get V5 when it arrives, not fail validation.
                .outOfOrder(true)
                .loggers(FlywayLog.class.getName())
                .load();
    }

    /** The result of {@link #migrate()}: the version now applied, and how many migrations this run applied. */
    public record MigrationOutcome(String version, int applied) {
    }

    /**
     * Where a schema stands.
     *
     * @param version the applied version, null for an empty database
     * @param pending migrations not yet applied
     */
    public record SchemaStatus(String database, String version, int pending) {
        public SchemaStatus {
            requireNonNull(database, "database is null");
        }
    }
}

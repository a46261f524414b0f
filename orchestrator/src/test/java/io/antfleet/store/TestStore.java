package io.antfleet.store;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A store on a real database for one test class: an embedded H2 file database in a temp dir, or a
 * fresh MariaDB database (dropped on close) on {@link TestMariaDb}'s server.
 */
public final class TestStore implements AutoCloseable {
    private final Database database;
    private final Injector injector;
    private final Runnable drop;

    private TestStore(Database database, Runnable drop) {
        this.database = database;
        this.injector = Bootstrap.injector(List.of(new StoreModule(database)));
        this.drop = drop;
    }

    public static TestStore embedded(Path dir) {
        return new TestStore(Database.embedded(dir), () -> { });
    }

    /** The embedded database in a fresh temp directory, as antfleet uses by default (for engine ITs). */
    public static TestStore embedded() {
        try {
            return embedded(Files.createTempDirectory("antfleet-test-store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty MariaDB database named {@code antfleet_test_store_<label>_<random>} on {@link TestMariaDb}'s server. */
    static TestStore mariaDb(String label) {
        String name = TestMariaDb.freshName("store", label);
        TestMariaDb.execute("CREATE DATABASE " + name);
        return mariaDbNamed(name);
    }

    /** A store on the existing test database {@code name}, dropped on close. */
    static TestStore mariaDbNamed(String name) {
        return new TestStore(Database.parse(TestMariaDb.urlFor(name)), () -> TestMariaDb.execute("DROP DATABASE IF EXISTS " + name));
    }

    Database database() {
        return database;
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    Transactions transactions() {
        return get(Transactions.class);
    }

    public ContainerRepository containers() {
        return get(ContainerRepository.class);
    }

    public HostRepository hosts() {
        return get(HostRepository.class);
    }

    public NodeRepository nodes() {
        return get(NodeRepository.class);
    }

    public OperationJournal journal() {
        return get(OperationJournal.class);
    }

    public DecisionLog decisions() {
        return get(DecisionLog.class);
    }

    /** The version-change rule over this database's journal and decision log. */
    public io.antfleet.engine.VersionChanges versions() {
        return new io.antfleet.engine.VersionChanges(journal(), decisions());
    }

    public UnitOfWork unit() {
        return get(UnitOfWork.class);
    }

    /** The database lease, taken by this process (node changes need it). */
    public DatabaseLease heldLease() {
        DatabaseLease lease = get(DatabaseLease.class);
        lease.tryAcquire(LeaseHolderProcess.holderForThisProcess("test"), Duration.ofHours(1));
        return lease;
    }

    /** Every container, node and operation row, for "the database is unchanged" checks. */
    public String snapshot() {
        return containers().findAll() + "\n" + nodes().findAll() + "\n" + journal().recent(100_000);
    }

    MachineSettings settings() {
        return get(MachineSettings.class);
    }

    /** A lease of its own name, on the given clock, so tests never contend for the real one. */
    DatabaseLease lease(String name, Clock clock) {
        return new MyBatisDatabaseLease(transactions(), clock, name);
    }

    /** As {@link #lease(String, Clock)}, judging stale holders by {@code staleness}. */
    DatabaseLease lease(String name, Clock clock, StaleLeasePolicy staleness) {
        return new MyBatisDatabaseLease(transactions(), clock, name, staleness);
    }

    @Override
    public void close() {
        get(StoreConnection.class).close();
        drop.run();
    }
}

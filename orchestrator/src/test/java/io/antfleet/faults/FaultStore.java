package io.antfleet.faults;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import io.antfleet.store.TestMariaDb;
import java.util.List;

/**
 * A fresh MariaDB database {@code antfleet_test_fault_<label>_<random>} on {@link TestMariaDb}'s server, the
 * URL antfleet's {@code --db} takes, and the store over it; {@link #close()} drops it.
 */
final class FaultStore implements AutoCloseable {
    private final String name;
    private final Injector injector;

    private FaultStore(String name) {
        this.name = name;
        this.injector = Bootstrap.injector(List.of(new StoreModule(Database.parse(url()))));
    }

    static FaultStore create(String label) {
        String name = TestMariaDb.freshName("fault", label);
        execute("CREATE DATABASE " + name);
        return new FaultStore(name);
    }

    String url() {
        return TestMariaDb.urlFor(name);
    }

    void drop() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    ContainerRepository containers() {
        return injector.getInstance(ContainerRepository.class);
    }

    NodeRepository nodes() {
        return injector.getInstance(NodeRepository.class);
    }

    /** The lease as any antfleet process over this database takes it. */
    io.antfleet.store.DatabaseLease lease() {
        return injector.getInstance(io.antfleet.store.DatabaseLease.class);
    }

    OperationJournal journal() {
        return injector.getInstance(OperationJournal.class);
    }

    /** Writes that belong together, in one transaction of this database. */
    io.antfleet.store.UnitOfWork unit() {
        return injector.getInstance(io.antfleet.store.UnitOfWork.class);
    }

    /** The version-change rule over this database's journal and decision log. */
    io.antfleet.engine.VersionChanges versions() {
        return new io.antfleet.engine.VersionChanges(journal(), injector.getInstance(io.antfleet.store.DecisionLog.class));
    }

    /** Every container, node and operation row, for "the database is unchanged" checks. */
    String snapshot() {
        return containers().findAll() + "\n" + nodes().findAll() + "\n"
                + injector.getInstance(OperationJournal.class).recent(100_000);
    }

    private static void execute(String sql) {
        TestMariaDb.execute(sql);
    }

    @Override
    public void close() {
        drop();
    }
}

package io.antfleet.engine;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import io.antfleet.store.UnitOfWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The real store for an integration test: a fresh embedded (H2 file) database in a temp directory, as
 * antfleet uses by default. {@link #snapshot()} renders every container, node and operation row.
 */
final class ItStore {
    private final Injector injector;

    private ItStore(Database database) {
        this.injector = Bootstrap.injector(List.of(new StoreModule(database)));
    }

    static ItStore create() {
        try {
            return new ItStore(Database.embedded(Files.createTempDirectory("antctl-it-store")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContainerRepository containers() {
        return injector.getInstance(ContainerRepository.class);
    }

    NodeRepository nodes() {
        return injector.getInstance(NodeRepository.class);
    }

    OperationJournal journal() {
        return injector.getInstance(OperationJournal.class);
    }

    /** The database lease, taken by this process (node changes need it). */
    DatabaseLease heldLease() {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        lease.tryAcquire(LeaseHolderProcess.holderForThisProcess("it"), Duration.ofHours(1));
        return lease;
    }

    UnitOfWork unit() {
        return injector.getInstance(UnitOfWork.class);
    }

    /** Every container, node and operation row, for "the database is unchanged" checks. */
    String snapshot() {
        return containers().findAll() + "\n" + nodes().findAll() + "\n" + journal().recent(100_000);
    }
}

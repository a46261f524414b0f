package io.antfleet.faults;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A fresh MariaDB database {@code bench_it_<label>_<random>} on the server {@code bin/setup-host --mariadb}
 * starts (or {@code ANTFLEET_TEST_MARIADB_URL}'s server), the URL antfleet's {@code --db} takes, and the
 * store over it; {@link #close()} drops it.
 */
final class FaultStore implements AutoCloseable {
    private static final String DEFAULT_SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=antfleet&password=antfleet";

    private final String name;
    private final Injector injector;

    private FaultStore(String name) {
        this.name = name;
        this.injector = Bootstrap.injector(List.of(new StoreModule(Database.parse(url()))));
    }

    static FaultStore create(String label) {
        String name = "bench_it_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + name);
        return new FaultStore(name);
    }

    String url() {
        return server().replace("3306/?", "3306/" + name + "?");
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

    /** Every container, node and operation row, for "the database is unchanged" checks. */
    String snapshot() {
        return containers().findAll() + "\n" + nodes().findAll() + "\n"
                + injector.getInstance(OperationJournal.class).recent(100_000);
    }

    private static String server() {
        String env = System.getenv("ANTFLEET_TEST_MARIADB_URL");
        if (env == null || env.isBlank()) {
            return DEFAULT_SERVER;
        }
        // the same server as the store's ITs, without their database
        return env.replaceFirst("(jdbc:mariadb://[^/]+)/[^?]*", "$1/");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(server()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        drop();
    }
}

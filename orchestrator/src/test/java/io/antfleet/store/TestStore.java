package io.antfleet.store;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A store on a real database for one test class: an embedded H2 file database in a temp dir, or a
 * fresh MariaDB database (dropped on close) on the server {@code bin/setup-host --mariadb} starts.
 */
public final class TestStore implements AutoCloseable {
    static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/antfleet_test?user=antfleet&password=antfleet";

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

    /** A new, empty MariaDB database named {@code antfleet_store_<label>_<random>}. */
    static TestStore mariaDb(String label) {
        String name = freshMariaDbName(label);
        MariaDbServer server = MariaDbServer.fromEnvironment();
        server.execute("CREATE DATABASE " + name);
        return new TestStore(Database.parse(server.urlFor(name)), () -> server.execute("DROP DATABASE IF EXISTS " + name));
    }

    static String freshMariaDbName(String label) {
        return "antfleet_store_" + label.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
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

    public NodeRepository nodes() {
        return get(NodeRepository.class);
    }

    public OperationJournal journal() {
        return get(OperationJournal.class);
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

    /** The MariaDB server of ANTFLEET_TEST_MARIADB_URL, or of the default URL. */
    record MariaDbServer(String hostPort, String query) {
        static MariaDbServer fromEnvironment() {
            String url = Optional.ofNullable(System.getenv("ANTFLEET_TEST_MARIADB_URL")).filter(s -> !s.isBlank())
                    .orElse(DEFAULT_MARIADB_URL);
            URI uri = URI.create(url.substring("jdbc:".length()));
            String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return new MariaDbServer(hostPort, uri.getRawQuery() == null ? "" : uri.getRawQuery());
        }

        String urlFor(String database) {
            return "jdbc:mariadb://" + hostPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(urlFor(""));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError("MariaDB at " + hostPort + " did not run '" + sql + "': " + e.getMessage()
                        + ". Start it with bin/setup-host --mariadb (or point ANTFLEET_TEST_MARIADB_URL at a server"
                        + " where user antfleet may create databases).", e);
            }
        }
    }
}

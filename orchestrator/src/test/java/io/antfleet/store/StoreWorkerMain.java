package io.antfleet.store;

import io.antfleet.cli.Bootstrap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A second orchestrator process for {@link TwoProcessContract}:
 * {@code lease URL NAME HOLDER TTL_MILLIS} takes the lease, prints HELD, renews it until killed;
 * {@code write URL CONTAINER_ID WRITER} runs the sweep writer and prints DONE.
 */
public final class StoreWorkerMain {
    private StoreWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.parse(args[1]);
        TestStoreHandle store = new TestStoreHandle(database);
        if (args[0].equals("lease")) {
            holdLease(store, args[2], args[3], Duration.ofMillis(Long.parseLong(args[4])));
        } else {
            SweepWriter.write(store.nodes(), Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    ConcurrencyContract.NODES, ConcurrencyContract.ROUNDS);
            System.out.println("DONE");
            System.exit(0);
        }
    }

    private static void holdLease(TestStoreHandle store, String name, String holder, Duration ttl) throws Exception {
        DatabaseLease lease = new MyBatisDatabaseLease(store.transactions(), Clock.systemUTC(), name);
        if (!lease.tryAcquire(holder, ttl)) {
            System.out.println("REFUSED");
            System.exit(1);
        }
        System.out.println("HELD");
        System.out.flush();
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
        long period = ttl.toMillis() / 4;
        renewer.scheduleAtFixedRate(() -> renew(lease, holder, ttl), period, period, TimeUnit.MILLISECONDS);
        // Hold until the parent kills this process.
        System.in.read();
    }

    private static void renew(DatabaseLease lease, String holder, Duration ttl) {
        try {
            if (!lease.renew(holder, ttl)) {
                System.err.println("worker: lease lost");
            }
        } catch (RuntimeException e) {
            System.err.println("worker: renew failed: " + e);
        }
    }

    /** The injector-built store, without TestStore's database management. */
    private static final class TestStoreHandle {
        private final com.google.inject.Injector injector;

        TestStoreHandle(Database database) {
            injector = Bootstrap.injector(List.of(new StoreModule(database)));
        }

        Transactions transactions() {
            return injector.getInstance(Transactions.class);
        }

        NodeRepository nodes() {
            return injector.getInstance(NodeRepository.class);
        }
    }
}

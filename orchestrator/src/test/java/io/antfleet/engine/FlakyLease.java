package io.antfleet.engine;

import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolder;
import io.antfleet.store.StoreException;
import java.time.Duration;
import java.util.Optional;

/**
 * The memory lease behind a database that a test can take away after the lease was taken: while it is
 * {@link #down}, renewing and releasing fail as the store fails when MariaDB is unreachable.
 */
public final class FlakyLease implements DatabaseLease {
    public static final String ERROR = "database error on jdbc:mariadb://127.0.0.1:3306/flaky: Socket fail to connect";

    public final MemoryLease lease = new MemoryLease();
    public volatile boolean down;

    @Override
    public boolean tryAcquire(String holder, Duration ttl) {
        return lease.tryAcquire(holder, ttl);
    }

    @Override
    public boolean renew(String holder, Duration ttl) {
        failWhileDown();
        return lease.renew(holder, ttl);
    }

    @Override
    public void release(String holder) {
        failWhileDown();
        lease.release(holder);
    }

    @Override
    public Optional<LeaseHolder> current() {
        return lease.current();
    }

    private void failWhileDown() {
        if (down) {
            throw new StoreException(ERROR);
        }
    }
}

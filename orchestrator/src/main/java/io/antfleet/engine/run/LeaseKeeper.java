package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.store.DatabaseLease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the database lease with a short time-to-live, renewed every third of it on an owned thread, also
 * while a long cycle runs. A run that is killed (or whose JVM cannot release at exit) therefore blocks
 * others for at most one TTL. {@link #close()} stops renewing and releases.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final DatabaseLease lease;
    private final String holder;
    private final Duration ttl;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService renewer;

    private LeaseKeeper(DatabaseLease lease, String holder, Duration ttl) {
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "antfleet-run-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes the lease or raises {@link LeaseHeldException} naming the holder. */
    static LeaseKeeper acquire(DatabaseLease lease, String holder, Duration ttl) {
        requireNonNull(lease, "lease is null");
        if (!lease.tryAcquire(holder, ttl)) {
            throw new LeaseHeldException("another antfleet process holds the database lease"
                    + lease.current().map(h -> " (" + h.holder() + ", until " + h.expiresAt() + ")").orElse("")
                    + "; run changed nothing");
        }
        return new LeaseKeeper(lease, holder, ttl);
    }

    private void renew() {
        try {
            if (!lease.renew(holder, ttl)) {
                lost.set(true);
            }
        } catch (RuntimeException e) {
            // A database hiccup: the next renewal (a third of the TTL later) may still succeed.
            LOG.warn("renewing the database lease failed: {}", e.getMessage());
        }
    }

    /** Renews now; raises when the lease was lost to another process. */
    void check() {
        if (lost.get() || !lease.renew(holder, ttl)) {
            lost.set(true);
            throw new LeaseHeldException("the database lease was lost to another antfleet process; run stopped");
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        lease.release(holder);
    }
}

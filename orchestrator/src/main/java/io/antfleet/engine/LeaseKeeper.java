package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the database lease with a short time-to-live, renewed every third of it on an owned thread, also
 * while a long cycle, apply, teardown or node command runs. A process that is killed (or whose JVM cannot
 * release at exit) therefore blocks others for at most one TTL, wherever it ran, and one that runs long
 * keeps its lease however long it takes. While the database is unreachable renewals fail and the lease is
 * unconfirmed: the holder must not act until a renewal succeeds again (it still names this holder: carry
 * on) or finds another holder (lost: stop). {@link #close()} stops renewing and releases.
 */
public final class LeaseKeeper implements AutoCloseable {
    /** What every antfleet command holds: renewed every 30 s, so a killed one blocks others for at most 90 s. */
    public static final Duration TTL = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final DatabaseLease lease;
    private final String holder;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final AtomicBoolean lost = new AtomicBoolean();
    /** {@link System#nanoTime()} of the last renewal the database confirmed. */
    private final AtomicLong confirmedAt;
    private final ScheduledExecutorService renewer;
    /** Who holds it, for messages: run, apply, teardown, node add, ... */
    private final String role;

    private LeaseKeeper(DatabaseLease lease, String holder, Duration ttl, LongSupplier nanoTime, String role) {
        this.role = role;
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.confirmedAt = new AtomicLong(nanoTime.getAsLong());
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "antfleet-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease for this process acting as {@code role} (see {@link LeaseHolderProcess}) for {@link #TTL},
     * or raises {@link LeaseHeldException} naming the holder and saying that {@code role} changed nothing.
     */
    public static LeaseKeeper acquire(DatabaseLease lease, String role) {
        return acquire(lease, role, TTL);
    }

    /** As {@link #acquire(DatabaseLease, String)} with another time-to-live. */
    public static LeaseKeeper acquire(DatabaseLease lease, String role, Duration ttl) {
        return acquire(lease, LeaseHolderProcess.holderForThisProcess(role), ttl, System::nanoTime, role);
    }

    static LeaseKeeper acquire(DatabaseLease lease, String holder, Duration ttl, LongSupplier nanoTime) {
        return acquire(lease, holder, ttl, nanoTime, holder.split(" ", 2)[0]);
    }

    private static LeaseKeeper acquire(DatabaseLease lease, String holder, Duration ttl, LongSupplier nanoTime, String role) {
        requireNonNull(lease, "lease is null");
        if (!lease.tryAcquire(holder, ttl)) {
            throw new LeaseHeldException("another antfleet process holds the database lease"
                    + lease.current().map(h -> " (" + h.holder() + ", until " + h.expiresAt() + ")").orElse("")
                    + "; " + role + " changed nothing (try again when it has finished)");
        }
        return new LeaseKeeper(lease, holder, ttl, requireNonNull(nanoTime, "nanoTime is null"), role);
    }

    private void renew() {
        try {
            confirm();
        } catch (LeaseHeldException e) {
            LOG.warn("{}", e.getMessage());
        } catch (RuntimeException e) {
            // The database is away: the lease stays unconfirmed until a renewal gets through.
            LOG.warn("renewing the database lease failed: {}", e.getMessage());
        }
    }

    /**
     * Renews now. Raises {@link LeaseHeldException} when the lease was lost to another process; a database
     * failure propagates (the lease is then unconfirmed, not lost).
     */
    public void check() {
        confirm();
    }

    private void confirm() {
        if (lost.get() || !lease.renew(holder, ttl)) {
            lost.set(true);
            throw new LeaseHeldException("the database lease was lost to another antfleet process; " + role + " stopped");
        }
        confirmedAt.set(nanoTime.getAsLong());
    }

    /** True while the last confirmed renewal is younger than the TTL and the lease was not lost. */
    public boolean confirmed() {
        return !lost.get() && nanoTime.getAsLong() - confirmedAt.get() < ttl.toNanos();
    }

    /** Stops renewing and releases; a release the database refuses is left to expire within the TTL. */
    @Override
    public void close() {
        renewer.shutdownNow();
        if (lost.get()) {
            return;
        }
        try {
            lease.release(holder);
        } catch (RuntimeException e) {
            LOG.warn("releasing the database lease failed (it expires by itself within {} s): {}", ttl.toSeconds(),
                    e.getMessage());
        }
    }
}

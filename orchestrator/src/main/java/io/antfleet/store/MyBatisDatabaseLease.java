package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease as a row with a holder and an expiry. Time comes from the injected {@link Clock}, the same
 * clock that stamps every other row antfleet writes; orchestrators sharing a MariaDB server therefore
 * need synchronized clocks (NTP), and a lease's TTL should dwarf their skew (seconds, not millis).
 * The database's own clock was the alternative; it would free the hosts from NTP but make the lease
 * the one place where time is not injectable, and the two databases spell "now in UTC" differently.
 *
 * <p>An unexpired lease whose holder the {@link StaleLeasePolicy} finds abandoned (a process of this host
 * that no longer runs) is taken over at once, so a killed antfleet does not block the next one until expiry.
 */
final class MyBatisDatabaseLease implements DatabaseLease {
    static final String NAME = "orchestrator";
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisDatabaseLease.class);

    private final Transactions transactions;
    private final Clock clock;
    private final String name;
    private final StaleLeasePolicy staleness;

    @Inject
    MyBatisDatabaseLease(Transactions transactions, Clock clock) {
        this(transactions, clock, NAME);
    }

    /** A lease under another name: tests use their own, so that they never contend with each other. */
    MyBatisDatabaseLease(Transactions transactions, Clock clock, String name) {
        this(transactions, clock, name, StaleLeasePolicy.onThisHost());
    }

    MyBatisDatabaseLease(Transactions transactions, Clock clock, String name, StaleLeasePolicy staleness) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.name = requireNonNull(name, "name is null");
        this.staleness = requireNonNull(staleness, "staleness is null");
    }

    @Override
    public boolean tryAcquire(String holder, Duration ttl) {
        requireValid(holder, ttl);
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        if (transactions.inTransaction(session -> session.mapper(LeaseMapper.class).take(name, holder, now, expiresAt)) == 1) {
            return true;
        }
        try {
            if (transactions.inTransaction(session -> session.mapper(LeaseMapper.class).insert(name, holder, now, expiresAt)) == 1) {
                return true;
            }
        } catch (PersistenceException | StoreException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return takeOverAbandoned(holder, now, expiresAt);
    }

    /**
     * Takes the lease from a holder that no longer runs. The update is conditional on exactly the holder
     * that was judged, so of two processes racing to take over, the row lock lets one win and the other
     * match nothing; and a lease released or taken by another process meanwhile is left alone.
     */
    private boolean takeOverAbandoned(String holder, Instant now, Instant expiresAt) {
        Optional<LeaseHolder> held = current();
        if (held.isEmpty() || held.get().holder().equals(holder) || !staleness.isAbandoned(held.get().holder())) {
            return false;
        }
        String stale = held.get().holder();
        boolean taken = transactions.inTransaction(
                session -> session.mapper(LeaseMapper.class).takeOver(name, stale, holder, now, expiresAt)) == 1;
        if (taken) {
            LOG.warn("took over the lease of {}, which is no longer running", stale);
        }
        return taken;
    }

    @Override
    public boolean renew(String holder, Duration ttl) {
        requireValid(holder, ttl);
        Instant expiresAt = now().plus(ttl);
        return transactions.inTransaction(session -> session.mapper(LeaseMapper.class).renew(name, holder, expiresAt)) == 1;
    }

    @Override
    public void release(String holder) {
        requireNonNull(holder, "holder is null");
        transactions.useTransaction(session -> session.mapper(LeaseMapper.class).release(name, holder, now()));
    }

    @Override
    public Optional<LeaseHolder> current() {
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(LeaseMapper.class).find(name, now())));
    }

    private static void requireValid(String holder, Duration ttl) {
        requireNonNull(holder, "holder is null");
        requireNonNull(ttl, "ttl is null");
        if (holder.isBlank() || holder.length() > 255) {
            throw new IllegalArgumentException("invalid lease holder '" + holder + "' (1 to 255 characters)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl " + ttl + " is not positive");
        }
    }

    /** Now, at the columns' precision, so what is returned equals what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

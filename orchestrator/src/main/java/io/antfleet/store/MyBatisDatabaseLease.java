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
 * The lease as a row with a holder and an expiry. Expiry is judged by the database server's clock
 * ({@code UTC_TIMESTAMP(6)}; for H2 its CURRENT_TIMESTAMP in UTC), the one clock every orchestrator sharing
 * the database sees: a host whose clock runs ahead can neither take a lease that is still running nor
 * shorten its own. Tests of expiry may pass a {@link Clock} instead.
 *
 * <p>An unexpired lease whose holder the {@link StaleLeasePolicy} finds abandoned (a process of this very
 * machine, boot and pid namespace that no longer runs) is taken over at once, so a killed antfleet does not
 * block the next one until expiry.
 */
final class MyBatisDatabaseLease implements DatabaseLease {
    static final String NAME = "orchestrator";
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisDatabaseLease.class);

    private final Transactions transactions;
    /** Null: the database's clock. */
    private final Clock clock;
    private final String name;
    private final StaleLeasePolicy staleness;

    @Inject
    MyBatisDatabaseLease(Transactions transactions) {
        this(transactions, null, NAME, StaleLeasePolicy.onThisHost());
    }

    /**
     * A lease under another name (tests use their own, so that they never contend with each other), on
     * {@code clock}, or on the database's clock when it is null.
     */
    MyBatisDatabaseLease(Transactions transactions, Clock clock, String name) {
        this(transactions, clock, name, StaleLeasePolicy.onThisHost());
    }

    MyBatisDatabaseLease(Transactions transactions, Clock clock, String name, StaleLeasePolicy staleness) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = clock;
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
        return transactions.inTransaction(session -> session.mapper(LeaseMapper.class)
                .renew(name, holder, now(session).plus(ttl))) == 1;
    }

    @Override
    public void release(String holder) {
        requireNonNull(holder, "holder is null");
        transactions.useTransaction(session -> session.mapper(LeaseMapper.class).release(name, holder, now(session)));
    }

    @Override
    public Optional<LeaseHolder> current() {
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(LeaseMapper.class)
                .find(name, now(session))));
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
        return transactions.inTransaction(this::now);
    }

    private Instant now(StoreSession session) {
        Instant now = clock != null ? clock.instant()
                : session.mapper(LeaseMapper.class).databaseNow(transactions.dialect() == Database.Dialect.H2);
        return now.truncatedTo(ChronoUnit.MICROS);
    }
}

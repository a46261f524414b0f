package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * The lease as a row with a holder and an expiry. Time comes from the injected {@link Clock}, the same
 * clock that stamps every other row antfleet writes; orchestrators sharing a MariaDB server therefore
 * need synchronized clocks (NTP), and a lease's TTL should dwarf their skew (seconds, not millis).
 * The database's own clock was the alternative; it would free the hosts from NTP but make the lease
 * the one place where time is not injectable, and the two databases spell "now in UTC" differently.
 */
final class MyBatisDatabaseLease implements DatabaseLease {
    static final String NAME = "orchestrator";

    private final Transactions transactions;
    private final Clock clock;

    @Inject
    MyBatisDatabaseLease(Transactions transactions, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean tryAcquire(String holder, Duration ttl) {
        requireValid(holder, ttl);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        if (transactions.inTransaction(session -> session.mapper(LeaseMapper.class).take(NAME, holder, now, expiresAt)) == 1) {
            return true;
        }
        try {
            return transactions.inTransaction(session -> session.mapper(LeaseMapper.class).insert(NAME, holder, now, expiresAt)) == 1;
        } catch (PersistenceException | StoreException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean renew(String holder, Duration ttl) {
        requireValid(holder, ttl);
        Instant expiresAt = clock.instant().plus(ttl);
        return transactions.inTransaction(session -> session.mapper(LeaseMapper.class).renew(NAME, holder, expiresAt)) == 1;
    }

    @Override
    public void release(String holder) {
        requireNonNull(holder, "holder is null");
        transactions.useTransaction(session -> session.mapper(LeaseMapper.class).release(NAME, holder, clock.instant()));
    }

    @Override
    public Optional<LeaseHolder> current() {
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(LeaseMapper.class).find(NAME, clock.instant())));
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
}

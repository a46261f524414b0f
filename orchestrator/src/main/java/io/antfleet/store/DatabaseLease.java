package io.antfleet.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Lets exactly one orchestrator act on a database at a time. A lease expires unless renewed, so a
 * killed holder cannot block others beyond the expiry. Thread safe.
 */
public interface DatabaseLease {
    /** Takes the lease for {@code holder} if it is free or expired; true when held afterwards. */
    boolean tryAcquire(String holder, Duration ttl);

    /** Extends a lease the holder still has; false when it was lost (expired and taken by another). */
    boolean renew(String holder, Duration ttl);

    /** Gives the lease up if {@code holder} has it; otherwise does nothing. */
    void release(String holder);

    /** The holder of an unexpired lease, or empty when it is free. */
    Optional<LeaseHolder> current();
}

package io.antfleet.store;

import java.time.Duration;

/**
 * Lets exactly one orchestrator act on a database at a time. A lease expires unless renewed, so a
 * killed holder cannot block others beyond the expiry. Thread safe.
 */
public interface DatabaseLease {
    /** Takes the lease for {@code holder} if it is free or expired; true when held afterwards. */
    boolean tryAcquire(String holder, Duration ttl);

    /** Extends a lease the holder still has; false when it was lost (expired and taken by another). */
    boolean renew(String holder, Duration ttl);

    void release(String holder);
}

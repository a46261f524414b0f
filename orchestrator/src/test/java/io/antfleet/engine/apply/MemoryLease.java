package io.antfleet.engine.apply;

import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolder;
import io.antfleet.store.LeaseHolderProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A lease in memory that never expires on its own; a test can hand it to another holder. */
public final class MemoryLease implements DatabaseLease {
    private String holder;

    /** A lease this process holds, as apply, run and the node commands do while they change nodes. */
    public static MemoryLease heldByThisProcess() {
        MemoryLease lease = new MemoryLease();
        lease.tryAcquire(LeaseHolderProcess.holderForThisProcess("test"), Duration.ofHours(1));
        return lease;
    }

    @Override
    public synchronized boolean tryAcquire(String who, Duration ttl) {
        if (holder == null || holder.equals(who)) {
            holder = who;
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renew(String who, Duration ttl) {
        return who.equals(holder);
    }

    @Override
    public synchronized void release(String who) {
        if (who.equals(holder)) {
            holder = null;
        }
    }

    @Override
    public synchronized Optional<LeaseHolder> current() {
        return Optional.ofNullable(holder).map(h -> new LeaseHolder(h, Instant.MAX));
    }
}

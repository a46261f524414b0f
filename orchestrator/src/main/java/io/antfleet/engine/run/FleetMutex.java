package io.antfleet.engine.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes this process's changes to the fleet: the run loop carrying out a cycle's decisions and the
 * dashboard's node actions in {@code antfleet run --serve}, which share run's database lease. Two antctl
 * changes on one container at once would race in its registry. Fair, so a waiting action is not starved.
 */
public final class FleetMutex {
    private final ReentrantLock lock = new ReentrantLock(true);

    /** Runs {@code work} holding the mutex. */
    public <T> T hold(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} holding the mutex if it can be had within {@code wait}.
     *
     * @return false when it could not (the run loop still carrying out its cycle)
     */
    public boolean tryHold(Duration wait, Runnable work) throws InterruptedException {
        if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }
}

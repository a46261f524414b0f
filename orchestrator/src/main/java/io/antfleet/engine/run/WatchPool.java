package io.antfleet.engine.run;

import io.antfleet.fleet.AntfleetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run loop's threads for watching many containers at once (each watch is a few {@code docker exec}s, so
 * one after another they add up to seconds: 20 ant containers took 3.8 s where reading them all at once takes
 * under one). At most {@code threads} run together: Docker starts only some 40 execs a second on two cores, so
 * more threads would only queue there. {@link #sequential()} runs in the caller's thread. Close to stop the threads.
 */
public final class WatchPool implements AutoCloseable {
    private final ExecutorService pool;

    private WatchPool(ExecutorService pool) {
        this.pool = pool;
    }

    /** Watches in the caller's thread, one after another (tests, and the constructors without a pool). */
    public static WatchPool sequential() {
        return new WatchPool(null);
    }

    public static WatchPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a watch pool needs at least one thread, got " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        return new WatchPool(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "antfleet-run-watch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Runs every task, at most the pool's threads at once, and returns their results in the tasks' order once all
     * are done. A task's unchecked exception is rethrown here (after the others finished); the others' results
     * are then lost, as they would be one after another.
     */
    <T> List<T> all(List<Callable<T>> tasks) {
        if (pool == null || tasks.size() < 2) {
            return inThisThread(tasks);
        }
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        tasks.forEach(t -> futures.add(pool.submit(t)));
        List<T> results = new ArrayList<>(tasks.size());
        RuntimeException failure = null;
        try {
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : unchecked(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new AntfleetException("interrupted while watching " + tasks.size() + " containers", e);
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static <T> List<T> inThisThread(List<Callable<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            try {
                results.add(t.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw unchecked(e);
            }
        }
        return results;
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new AntfleetException("a container watch failed: " + cause, cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

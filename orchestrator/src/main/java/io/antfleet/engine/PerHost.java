package io.antfleet.engine;

import io.antfleet.fleet.AntfleetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per host side by side (a slow or silent engine does not hold the others up), on a pool
 * owned by the call and shut down before it returns. One host runs on the calling thread.
 */
public final class PerHost {
    private PerHost() {
    }

    /**
     * {@code work} for each of {@code hosts} (a host's name, or what stands for it), results in the same order. A
     * failure of one host's work is raised (after every host's work ended); work that must not fail the others
     * catches its own.
     */
    public static <H, T> List<T> each(List<H> hosts, Function<H, T> work) {
        if (hosts.size() == 1) {
            return List.of(work.apply(hosts.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, hosts.size()), r -> {
            Thread t = new Thread(r, "antfleet-host");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            hosts.forEach(h -> futures.add(pool.submit(() -> work.apply(h))));
            List<T> results = new ArrayList<>();
            RuntimeException first = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    first = first != null ? first : e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                            : new AntfleetException(String.valueOf(e.getCause()), e.getCause());
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("interrupted while waiting for the hosts' work", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

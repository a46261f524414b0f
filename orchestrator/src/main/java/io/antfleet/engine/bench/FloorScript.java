package io.antfleet.engine.bench;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor an operator's shell script reaches: the same {@code docker} CLI commands started all at once
 * (as {@code cmd & cmd & wait} would), timed until the last one exits. Output is discarded.
 */
final class FloorScript {
    private static final long BOUND_SECONDS = 300;

    private FloorScript() {
    }

    /** Runs every command in parallel; returns the wall seconds until all exited 0. */
    static double parallel(List<List<String>> commands) {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        try {
            for (List<String> command : commands) {
                processes.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    throw new AntfleetException("floor command did not finish within " + BOUND_SECONDS + " s: "
                            + String.join(" ", commands.get(i)));
                }
                if (p.exitValue() != 0) {
                    throw new AntfleetException("floor command exited " + p.exitValue() + ": " + String.join(" ", commands.get(i)));
                }
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            throw new AntfleetException("cannot start the floor's docker CLI (is `docker` on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("floor interrupted", e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /**
     * Runs each chain of commands one after another, all chains at once (as {@code (a; b; c) & ... wait});
     * returns the wall seconds until every chain finished with every command exiting 0.
     */
    static double chains(List<List<List<String>>> chains) {
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(chains.size(),
                r -> new Thread(r, "bench-floor"));
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (List<List<String>> chain : chains) {
                done.add(pool.submit(() -> chain.forEach(command -> parallel(List.of(command)))));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new AntfleetException("floor chain failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("floor interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

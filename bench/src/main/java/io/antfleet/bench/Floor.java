package io.antfleet.bench;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.AntfleetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor an operator's script reaches: the same Docker steps antfleet takes, each chain of steps one
 * after another and all chains at once (as {@code (a; b; c) & ... wait} would), timed until the last one
 * finished. The steps go through the product's {@link DockerGateway}, so the floor pays for nothing but
 * Docker and antctl themselves (a {@code docker} CLI process per step would add its own start-up).
 */
final class Floor {
    private static final Duration EXEC_BOUND = Duration.ofMinutes(5);

    /** One step of a floor chain. */
    @FunctionalInterface
    interface Step {
        void run(DockerGateway docker);
    }

    private final DockerGateway docker;

    Floor(DockerGateway docker) {
        this.docker = java.util.Objects.requireNonNull(docker, "docker is null");
    }

    /** {@code docker exec <container> <command>} as the image's user; a non-zero exit fails the floor. */
    static Step exec(String container, List<String> command) {
        List<String> copy = List.copyOf(command);
        return docker -> {
            ExecResult r = docker.exec(container, copy, null, Map.of(), null, EXEC_BOUND);
            if (r.exitCode() != 0) {
                throw new AntfleetException("floor step exited " + r.exitCode() + " in " + container + ": "
                        + String.join(" ", copy) + ": " + r.stderr().strip());
            }
        };
    }

    /** Runs every step at once; returns the wall seconds until all finished. */
    double parallel(List<Step> steps) {
        return chains(steps.stream().map(List::of).toList());
    }

    /** Runs each chain's steps in order, all chains at once; returns the wall seconds until every chain finished. */
    double chains(List<List<Step>> chains) {
        ExecutorService pool = Executors.newFixedThreadPool(chains.size(), r -> new Thread(r, "bench-floor"));
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (List<Step> chain : chains) {
                done.add(pool.submit(() -> chain.forEach(step -> step.run(docker))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (ExecutionException e) {
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

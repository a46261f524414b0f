package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Carries out one cycle's decisions: containers in parallel on owned threads, each container's decisions
 * in order (antctl serialises calls into one registry anyway). A failure is reported for its decision and
 * ends that container's cycle; the other containers carry on. The whole run is bounded by
 * {@code cycleTimeout}; a container still busy then is reported as timed out. Close to stop the threads.
 */
public final class DecisionExecutor implements AutoCloseable {
    private final ContainerDecisions perContainer;
    private final ExecutorService pool;
    private final Duration cycleTimeout;

    public DecisionExecutor(ContainerDecisions perContainer, int parallelContainers, Duration cycleTimeout) {
        this.perContainer = requireNonNull(perContainer, "perContainer is null");
        this.cycleTimeout = requireNonNull(cycleTimeout, "cycleTimeout is null");
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelContainers, r -> {
            Thread t = new Thread(r, "antfleet-run-exec-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ExecutionReport execute(List<Decision> decisions, Observation observation, RunTarget target) {
        return execute(decisions, observation, target, () -> true);
    }

    /**
     * As {@link #execute(List, Observation, RunTarget)}, asking {@code mayAct} before each decision: one
     * that finds it false is skipped (the run could not confirm its database lease), as are the container's
     * later ones.
     */
    public ExecutionReport execute(List<Decision> decisions, Observation observation, RunTarget target,
            BooleanSupplier mayAct) {
        Map<String, List<Decision>> byContainer = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d.action() != Action.SURVEY && d.action() != Action.NONE) {
                byContainer.computeIfAbsent(d.container(), c -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Future<List<ExecutionReport.Outcome>>> running = new LinkedHashMap<>();
        byContainer.forEach((c, list) -> running.put(c, pool.submit(() -> perContainer.run(c, list, observation, target, mayAct))));
        long deadline = System.nanoTime() + cycleTimeout.toNanos();
        List<ExecutionReport.Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Future<List<ExecutionReport.Outcome>>> e : running.entrySet()) {
            outcomes.addAll(await(e.getValue(), byContainer.get(e.getKey()), deadline));
        }
        Optional<String> halted = outcomes.stream()
                .filter(o -> !o.ok() && o.decision().action() == Action.UPGRADE)
                .map(o -> o.decision().container() + ": " + o.error().get()).findFirst();
        return new ExecutionReport(outcomes, halted);
    }

    private List<ExecutionReport.Outcome> await(Future<List<ExecutionReport.Outcome>> future, List<Decision> decisions,
            long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failAll(decisions, "still running after the cycle timeout of " + cycleTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failAll(decisions, "unexpected failure: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new AntfleetException("interrupted while carrying out decisions", e);
        }
    }

    private static List<ExecutionReport.Outcome> failAll(List<Decision> decisions, String error) {
        return decisions.stream().map(d -> new ExecutionReport.Outcome(d, Optional.of(error))).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

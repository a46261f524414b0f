package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.plan.ObservedContainer;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.HostSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one host's plan: containers in parallel (on a pool owned by this call and shut down before it returns),
 * each container's actions in order, through that host's engine. A failure stops only its own container.
 */
public final class PlanExecutor {
    private final ApplyDeps deps;
    private final int parallelism;

    public PlanExecutor(ApplyDeps deps, int parallelism) {
        this.deps = requireNonNull(deps, "deps is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
        }
        this.parallelism = parallelism;
    }

    public List<ApplyReport.ContainerOutcome> execute(FleetSpec spec, Plan plan, ObservedFleet observed) {
        return execute(spec, plan, observed, ApplyProgress.NONE);
    }

    public List<ApplyReport.ContainerOutcome> execute(FleetSpec spec, Plan plan, ObservedFleet observed, ApplyProgress progress) {
        return execute(HostSpec.LOCAL, spec, plan, observed, progress);
    }

    /** The plan of the containers on {@code host}, as observed there. */
    public List<ApplyReport.ContainerOutcome> execute(String host, FleetSpec spec, Plan plan, ObservedFleet observed,
            ApplyProgress progress) {
        Map<String, List<PlanStep>> byContainer = new LinkedHashMap<>();
        plan.actions().forEach(a -> byContainer.computeIfAbsent(a.container(), k -> new ArrayList<>()).add(a));
        List<ApplyReport.ContainerOutcome> outcomes = byContainer.isEmpty() ? new ArrayList<>()
                : run(host, spec, byContainer, observed, progress);
        for (ObservedContainer untouched : observed.containers()) {
            if (!byContainer.containsKey(untouched.name()) && spec.container(untouched.name()).isPresent()) {
                ContainerRun.recordIfBehind(deps, spec, host, untouched)
                        .ifPresent(error -> outcomes.add(new ApplyReport.ContainerOutcome(untouched.name(), List.of(), Optional.of(error))));
            }
        }
        return outcomes;
    }

    private List<ApplyReport.ContainerOutcome> run(String host, FleetSpec spec, Map<String, List<PlanStep>> byContainer,
            ObservedFleet observed, ApplyProgress progress) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, byContainer.size()), r -> {
            Thread t = new Thread(r, "antfleet-apply-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ApplyReport.ContainerOutcome>> futures = new ArrayList<>();
            byContainer.forEach((name, actions) -> futures.add(pool.submit(
                    () -> new ContainerRun(deps, spec, host, name, observed.container(name)).run(actions, progress))));
            List<ApplyReport.ContainerOutcome> outcomes = new ArrayList<>();
            List<String> names = new ArrayList<>(byContainer.keySet());
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(names.get(i), futures.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ApplyReport.ContainerOutcome await(String name, Future<ApplyReport.ContainerOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApplyReport.ContainerOutcome(name, List.of(), Optional.of("interrupted"));
        } catch (ExecutionException e) {
            return new ApplyReport.ContainerOutcome(name, List.of(), Optional.of(String.valueOf(e.getCause())));
        }
    }
}

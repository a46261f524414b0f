package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.LeaseKeeper;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.FleetMutex;
import io.antfleet.engine.run.RunState;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.ServiceName;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolder;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the dashboard may change, each after the operator confirmed it: a node's start, stop, restart or
 * removal through the journaled {@link NodeLifecycle} (the path every node change takes) under the database
 * lease (run's, between its cycles' carrying out, when this process is {@code run --serve}); applying the spec
 * {@code run} applied last; pausing and resuming the autoscaler. While another process (a {@code run}) holds
 * the lease, node actions and apply are refused with 409 and change nothing.
 */
public final class DashboardActions {
    /** How long an action waits for the run loop of this process to finish carrying out its cycle. */
    private static final Duration RUN_WAIT = Duration.ofSeconds(60);

    /** The node verbs the dashboard offers. */
    public enum NodeAction { START, STOP, RESTART, REMOVE }

    private final NodeLifecycle lifecycle;
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final DatabaseLease lease;
    private final ApplyService apply;
    private final RunState state;
    private final FleetMutex mutex;
    private final Provider<SpecLoader> specLoader;

    @Inject
    public DashboardActions(NodeLifecycle lifecycle, ContainerRepository containers, NodeRepository nodes,
            DatabaseLease lease, ApplyService apply, RunState state, FleetMutex mutex,
            Provider<SpecLoader> specLoader) {
        this.specLoader = requireNonNull(specLoader, "specLoader is null");
        this.mutex = requireNonNull(mutex, "mutex is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.apply = requireNonNull(apply, "apply is null");
        this.state = requireNonNull(state, "state is null");
    }

    public static NodeAction nodeAction(String verb) {
        try {
            return NodeAction.valueOf(verb.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "no node action '" + verb + "' (start, stop, restart, remove)");
        }
    }

    /**
     * @param host the container's host ({@code host=}); null: the one host that has a container of that name
     * @return what was done, for the operator
     */
    public synchronized String node(NodeAction action, String host, String containerName, String service) {
        if (!ServiceName.isValid(service)) {
            throw new BadRequestException(400, "'" + service + "' is not a service name like antnode3");
        }
        Container container = RequestedContainer.one(containers, host, containerName);
        ServiceName name = new ServiceName(service);
        if (nodes.find(container.id(), name).isEmpty()) {
            throw new BadRequestException(404, "container " + containerName + " has no node " + service);
        }
        List<ServiceName> targets = List.of(name);
        leased("node " + action.name().toLowerCase(Locale.ROOT), () -> {
            switch (action) {
                case START -> lifecycle.start(container, targets);
                case STOP -> lifecycle.stop(container, targets);
                case RESTART -> lifecycle.restart(container, targets);
                case REMOVE -> lifecycle.remove(container, targets, false);
                default -> throw new IllegalStateException("unhandled " + action);
            }
        });
        return action.name().toLowerCase(Locale.ROOT) + " " + containerName + "/" + service + ": done";
    }

    /** Applies the spec {@code run} applied last (its file, read again now). */
    public synchronized String applyLastSpec() {
        Path spec = state.specPath().orElseThrow(() -> new BadRequestException(409,
                "no spec was applied by antfleet run yet; apply one from the command line first"));
        ApplyReport report;
        try {
            report = apply.apply(specLoader.get().load(spec), false);
        } catch (io.antfleet.engine.apply.LeaseHeldException e) {
            throw new BadRequestException(409, e.getMessage());
        }
        return "apply " + spec + (report.ok() ? ": done" : ": failed for some containers (see the operation journal)");
    }

    public String pause(boolean paused) {
        state.pause(paused);
        return paused ? "autoscaler paused: run observes and decides but carries nothing out" : "autoscaler resumed";
    }

    /**
     * Under the database lease; when {@code run --serve} in this very process holds it, under run's lease
     * instead, between the loop's carrying out (the {@link FleetMutex}).
     */
    private void leased(String what, Runnable work) {
        // a short lease renewed while the action runs, as every command holds it (a killed serve blocks for 90 s)
        LeaseKeeper keeper = null;
        try {
            keeper = LeaseKeeper.acquire(lease, "serve " + what);
        } catch (io.antfleet.engine.apply.LeaseHeldException held) {
            // held: by run in this very process (its mutex below), or by another process (409)
        }
        if (keeper != null) {
            try (LeaseKeeper held = keeper) {
                work.run();
            }
            return;
        }
        Optional<String> current = lease.current().map(LeaseHolder::holder);
        if (current.flatMap(LeaseHolderProcess::parse).filter(DashboardActions::isThisProcess).isEmpty()) {
            throw new BadRequestException(409, "another antfleet process holds the database lease"
                    + current.map(h -> " (" + h + ")").orElse("") + "; nothing was changed");
        }
        try {
            if (!mutex.tryHold(RUN_WAIT, work)) {
                throw new BadRequestException(409, "the autoscaler is still carrying out its cycle after "
                        + RUN_WAIT.toSeconds() + " s; nothing was changed, try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadRequestException(503, "antfleet is stopping; nothing was changed");
        }
    }

    private static boolean isThisProcess(LeaseHolderProcess p) {
        LeaseHolderProcess self = LeaseHolderProcess.ofThisProcess("serve");
        return p.pid() == self.pid() && p.startedAt().equals(self.startedAt()) && p.scope().equals(self.scope());
    }
}

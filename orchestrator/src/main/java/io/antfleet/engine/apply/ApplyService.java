package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.LeaseKeeper;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.Operation;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.HostRepository;
import io.antfleet.store.OperationJournal;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@code antfleet apply}: observe the fleet, plan the difference to the spec, execute the plan. */
public final class ApplyService {
    private final FleetObserver observer;
    private final FleetPlanner planner;
    private final PlanExecutor executor;
    private final DatabaseLease lease;
    private final OperationJournal journal;
    private final HostRepository hosts;
    private final Duration leaseTtl;

    @Inject
    public ApplyService(FleetObserver observer, FleetPlanner planner, PlanExecutor executor, DatabaseLease lease,
            OperationJournal journal, HostRepository hosts) {
        this(observer, planner, executor, lease, journal, hosts, LeaseKeeper.TTL);
    }

    /** With a lease time-to-live of its own (tests: an apply that outlives it). */
    public ApplyService(FleetObserver observer, FleetPlanner planner, PlanExecutor executor, DatabaseLease lease,
            OperationJournal journal, HostRepository hosts, Duration leaseTtl) {
        this.hosts = requireNonNull(hosts, "hosts is null");
        this.leaseTtl = requireNonNull(leaseTtl, "leaseTtl is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.journal = requireNonNull(journal, "journal is null");
    }

    /** The plan that would make the fleet match {@code spec}; changes nothing. */
    public Plan plan(FleetSpec spec, boolean prune) {
        refuseRemoteContainers(spec);
        return planner.plan(spec, observer.observe(spec.fleet()), prune);
    }

    /**
     * Plans and runs under the database lease; an empty plan runs nothing, so a second apply changes
     * nothing. Operations a killed run left PENDING are closed first: the fleet is observed afresh, so
     * whatever they did or did not do is in the new plan.
     *
     * @throws LeaseHeldException when another orchestrator holds the lease (nothing was touched)
     */
    public ApplyReport apply(FleetSpec spec, boolean prune) {
        return apply(spec, prune, ApplyProgress.NONE);
    }

    /** As {@link #apply(FleetSpec, boolean)}, telling {@code progress} about each step. */
    public ApplyReport apply(FleetSpec spec, boolean prune, ApplyProgress progress) {
        refuseRemoteContainers(spec);
        // A short lease renewed while the apply runs, however long that is; a holder that names this process
        // precisely, so that if it is killed the next apply in the same machine, boot and pid namespace sees it
        // gone and takes the lease over, instead of waiting out the TTL (wnm's stale lock file).
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "apply", leaseTtl)) {
            for (Operation stale : journal.pending()) {
                journal.fail(stale.id(), "interrupted before it finished; a later apply observed the fleet again");
            }
            spec.hosts().forEach(h -> hosts.record(Host.of(h)));
            ObservedFleet observed = observer.observe(spec.fleet());
            Plan plan = planner.plan(spec, observed, prune);
            progress.planned(plan);
            keeper.check(); // the observation may have been slow: still ours before anything changes
            return new ApplyReport(plan, executor.execute(spec, plan, observed, progress));
        }
    }

    /**
     * Containers on another engine than the local one are refused before anything is observed or changed:
     * applying reaches only the local engine so far, and would otherwise create them there.
     */
    private static void refuseRemoteContainers(FleetSpec spec) {
        List<String> remote = spec.containers().stream().filter(c -> !HostSpec.LOCAL.equals(c.host()))
                .map(c -> "'" + c.name() + "' (host '" + c.host() + "')").collect(Collectors.toList());
        if (!remote.isEmpty()) {
            throw new AntfleetException("apply drives the local Docker engine only so far; these containers are on other"
                    + " hosts: " + String.join(", ", remote) + ". Nothing was changed (see docs/multi-host.md)");
        }
    }
}

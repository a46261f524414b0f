package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.EngineUnreachableException;
import io.antfleet.engine.FleetEngines;
import io.antfleet.engine.HostProblem;
import io.antfleet.engine.HostScope;
import io.antfleet.engine.LeaseKeeper;
import io.antfleet.engine.PerHost;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.HostRepository;
import io.antfleet.store.OperationJournal;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code antfleet apply}: for each host of the spec (or the one {@code --host} names), observe its engine, plan the
 * difference to its part of the spec (its containers, its port plan), execute the plan through that engine. Hosts
 * are observed and changed side by side; an engine that does not answer is reported and the other hosts carry on.
 */
public final class ApplyService {
    private final FleetObserver observer;
    private final FleetPlanner planner;
    private final PlanExecutor executor;
    private final DatabaseLease lease;
    private final OperationJournal journal;
    private final HostRepository hosts;
    private final DockerGateways engines;
    private final Duration leaseTtl;

    @Inject
    public ApplyService(FleetObserver observer, FleetPlanner planner, PlanExecutor executor, DatabaseLease lease,
            OperationJournal journal, HostRepository hosts, DockerGateways engines) {
        this(observer, planner, executor, lease, journal, hosts, engines, LeaseKeeper.TTL);
    }

    /** With a lease time-to-live of its own (tests: an apply that outlives it). */
    public ApplyService(FleetObserver observer, FleetPlanner planner, PlanExecutor executor, DatabaseLease lease,
            OperationJournal journal, HostRepository hosts, DockerGateways engines, Duration leaseTtl) {
        this.hosts = requireNonNull(hosts, "hosts is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.leaseTtl = requireNonNull(leaseTtl, "leaseTtl is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.journal = requireNonNull(journal, "journal is null");
    }

    /** The plan that would make the fleet match {@code spec}, every host's steps in one; changes nothing. */
    public io.antfleet.fleet.plan.Plan plan(FleetSpec spec, boolean prune) {
        return plan(spec, prune, Optional.empty()).combined();
    }

    /**
     * The plan of each host ({@code host}: only that one); changes nothing, records nothing.
     *
     * @throws io.antfleet.engine.UnknownHostNameException when {@code host} is not a host of the spec
     */
    public HostPlans plan(FleetSpec spec, boolean prune, Optional<String> host) {
        List<String> scope = scope(spec, host);
        spec.hosts().forEach(h -> engines.declare(Host.of(h)));
        return plans(spec, scope, prune);
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
        return apply(spec, prune, progress, Optional.empty());
    }

    /** As {@link #apply(FleetSpec, boolean, ApplyProgress)}, on the one host {@code host} names when given. */
    public ApplyReport apply(FleetSpec spec, boolean prune, ApplyProgress progress, Optional<String> host) {
        List<String> scope = scope(spec, host);
        // A short lease renewed while the apply runs, however long that is; a holder that names this process
        // precisely, so that if it is killed the next apply in the same machine, boot and pid namespace sees it
        // gone and takes the lease over, instead of waiting out the TTL (wnm's stale lock file).
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "apply", leaseTtl)) {
            for (Operation stale : journal.pending()) {
                journal.fail(stale.id(), "interrupted before it finished; a later apply observed the fleet again");
            }
            spec.hosts().forEach(h -> hosts.record(Host.of(h)));
            HostPlans plans = plans(spec, scope, prune);
            progress.hosts(plans.hosts());
            progress.planned(plans.combined());
            keeper.check(); // the observation may have been slow: still ours before anything changes
            List<List<ApplyReport.ContainerOutcome>> done = PerHost.each(plans.plans(),
                    p -> executor.execute(p.host(), p.spec(), p.plan(), p.observed(), progress));
            List<ApplyReport.ContainerOutcome> outcomes = new ArrayList<>();
            done.forEach(outcomes::addAll);
            return new ApplyReport(plans.combined(), outcomes, plans.hosts(), plans.unreachable());
        }
    }

    private static List<String> scope(FleetSpec spec, Optional<String> host) {
        return HostScope.narrow(spec.hostNames(), host, "of the spec");
    }

    /** A host's plan, or why its engine could not be observed. */
    private record Planned(Optional<HostPlans.HostPlan> plan, Optional<HostProblem> problem) {
    }

    /** Each host's engine observed and its part of the spec planned, side by side. */
    private HostPlans plans(FleetSpec spec, List<String> scope, boolean prune) {
        List<Planned> each = PerHost.each(scope, host -> {
            FleetSpec part = spec.onHost(host);
            try {
                ObservedFleet observed = observer.observe(spec.fleet(), host);
                return new Planned(Optional.of(new HostPlans.HostPlan(host, part, observed, planner.plan(part, observed, prune))),
                        Optional.empty());
            } catch (EngineUnreachableException e) {
                return new Planned(Optional.empty(), Optional.of(FleetEngines.problem(host, engines.endpoint(host), e)));
            }
        });
        List<HostPlans.HostPlan> plans = new ArrayList<>();
        List<HostProblem> down = new ArrayList<>();
        each.forEach(p -> {
            p.plan().ifPresent(plans::add);
            p.problem().ifPresent(down::add);
        });
        return new HostPlans(plans, down);
    }
}

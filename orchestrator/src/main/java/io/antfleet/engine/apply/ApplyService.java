package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.spec.FleetSpec;
import jakarta.inject.Inject;

/** {@code antfleet apply}: observe the fleet, plan the difference to the spec, execute the plan. */
public final class ApplyService {
    private final FleetObserver observer;
    private final FleetPlanner planner;
    private final PlanExecutor executor;

    @Inject
    public ApplyService(FleetObserver observer, FleetPlanner planner, PlanExecutor executor) {
        this.observer = requireNonNull(observer, "observer is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.executor = requireNonNull(executor, "executor is null");
    }

    /** The plan that would make the fleet match {@code spec}; changes nothing. */
    public Plan plan(FleetSpec spec, boolean prune) {
        return planner.plan(spec, observer.observe(spec.fleet()), prune);
    }

    /** Plans and runs; an empty plan runs nothing, so a second apply changes nothing. */
    public ApplyReport apply(FleetSpec spec, boolean prune) {
        ObservedFleet observed = observer.observe(spec.fleet());
        Plan plan = planner.plan(spec, observed, prune);
        return new ApplyReport(plan, executor.execute(spec, plan, observed));
    }
}

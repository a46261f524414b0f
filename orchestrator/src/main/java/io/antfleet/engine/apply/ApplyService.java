package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.spec.FleetSpec;
import jakarta.inject.Inject;

/** {@code antfleet apply}: observe the fleet, plan the difference to the spec (and, later, execute it). */
public final class ApplyService {
    private final FleetObserver observer;
    private final FleetPlanner planner;

    @Inject
    public ApplyService(FleetObserver observer, FleetPlanner planner) {
        this.observer = requireNonNull(observer, "observer is null");
        this.planner = requireNonNull(planner, "planner is null");
    }

    /** The plan that would make the fleet match {@code spec}; changes nothing. */
    public Plan plan(FleetSpec spec, boolean prune) {
        return planner.plan(spec, observer.observe(spec.fleet()), prune);
    }
}

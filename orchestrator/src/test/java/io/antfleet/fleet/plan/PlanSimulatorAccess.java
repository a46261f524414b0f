package io.antfleet.fleet.plan;

/** Lets tests in other packages run the plan simulator. */
public final class PlanSimulatorAccess {
    private PlanSimulatorAccess() {
    }

    public static ObservedFleet apply(ObservedFleet before, Plan plan) {
        return PlanSimulator.apply(before, plan);
    }
}

package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.HostProblem;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.spec.FleetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply's plan, host by host: each host's part of the spec, what its engine showed and the plan for it; and the
 * hosts whose engine did not answer (nothing is planned for them).
 */
public record HostPlans(List<HostPlan> plans, List<HostProblem> unreachable) {
    public HostPlans {
        plans = List.copyOf(plans);
        unreachable = List.copyOf(unreachable);
    }

    /** One host's part: {@code spec} holds only its containers and its port plan. */
    public record HostPlan(String host, FleetSpec spec, ObservedFleet observed, Plan plan) {
        public HostPlan {
            requireNonNull(host, "host is null");
            requireNonNull(spec, "spec is null");
            requireNonNull(observed, "observed is null");
            requireNonNull(plan, "plan is null");
        }
    }

    /** Every host's steps in one plan, host after host (spec container names are unique across hosts). */
    public Plan combined() {
        List<PlanStep> actions = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (HostPlan p : plans) {
            actions.addAll(p.plan().actions());
            unmanaged.addAll(p.plan().unmanaged());
            notes.addAll(p.plan().notes());
        }
        return new Plan(actions, unmanaged, notes);
    }

    /** The host of each container a plan names (planned or unmanaged), for output that names hosts. */
    public Map<String, String> hosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (HostPlan p : plans) {
            p.plan().actions().forEach(a -> hosts.put(a.container(), p.host()));
            p.plan().unmanaged().forEach(c -> hosts.put(c, p.host()));
        }
        return hosts;
    }
}

package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.HostProblem;
import io.antfleet.fleet.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an apply planned and, per container, which actions ran and what stopped it; the host of each container
 * named ({@code hosts}, containers absent there are on the local engine) and the hosts whose engine did not answer.
 */
public record ApplyReport(Plan plan, List<ContainerOutcome> containers, Map<String, String> hosts,
        List<HostProblem> unreachable) {
    public ApplyReport {
        requireNonNull(plan, "plan is null");
        containers = List.copyOf(containers);
        hosts = Map.copyOf(hosts);
        unreachable = List.copyOf(unreachable);
    }

    public ApplyReport(Plan plan, List<ContainerOutcome> containers) {
        this(plan, containers, Map.of(), List.of());
    }

    /** Every container done, on every host. */
    public boolean ok() {
        return unreachable.isEmpty() && containers.stream().allMatch(c -> c.error().isEmpty());
    }

    /** @param done one line per finished action, e.g. {@code add-nodes [antnode1, antnode2]} */
    public record ContainerOutcome(String container, List<String> done, Optional<String> error) {
        public ContainerOutcome {
            requireNonNull(container, "container is null");
            done = List.copyOf(done);
            requireNonNull(error, "error is null");
        }
    }
}
